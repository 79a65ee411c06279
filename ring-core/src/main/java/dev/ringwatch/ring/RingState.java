package dev.ringwatch.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Whether a ring is closed, how many calls are using its fd right now, and whether a waiting thread was
 * asked to wake up. The close protocol: {@link #markClosed()} sets the closed bit; the ring's fd and
 * memory are released by whoever sees the count reach zero with the bit set, exactly once. So no system
 * call can reach the fd number after it was closed (and perhaps reused for another file), whichever
 * thread closes the ring.
 */
final class RingState {
    static final int ACQUIRED = 0, REFUSED = 1, REFUSED_RELEASE = 2;
    private static final int CLOSED = Integer.MIN_VALUE;
    private static final VarHandle STATE, RELEASED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            STATE = l.findVarHandle(RingState.class, "state", int.class);
            RELEASED = l.findVarHandle(RingState.class, "released", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The CLOSED bit and the number of calls using the fd. */
    @SuppressWarnings("unused") // through STATE
    private volatile int state;
    @SuppressWarnings("unused") // through RELEASED
    private volatile boolean released;
    private volatile boolean wakeupRequested;

    /** Calls using the fd right now (for tests of the close protocol). */
    int users() {
        return state & ~CLOSED;
    }

    boolean isClosed() {
        return state < 0;
    }

    /**
     * Registers a call that is about to use the fd: {@link #ACQUIRED}; or, once the ring is closed,
     * {@link #REFUSED}, or {@link #REFUSED_RELEASE} when the refused caller happened to be the last user
     * that close() was waiting for and must release the resources.
     */
    int acquire() {
        int s = (int) STATE.getAndAdd(this, 1);
        if (s >= 0) {
            return ACQUIRED;
        }
        return release() ? REFUSED_RELEASE : REFUSED;
    }

    /** Ends a call that used the fd; true when the caller must now release the ring's resources. */
    boolean release() {
        int s = (int) STATE.getAndAdd(this, -1);
        return s == (CLOSED | 1) && claimRelease();
    }

    /** Sets the closed bit; true when the caller must release the resources now (no call is using the fd). */
    boolean markClosed() {
        int s = (int) STATE.getAndBitwiseOr(this, CLOSED);
        return s == 0 && claimRelease();
    }

    private boolean claimRelease() {
        return RELEASED.compareAndSet(this, false, true);
    }

    /** Asks a thread waiting for completions (now or at its next wait) to return early. Thread-safe. */
    void requestWakeup() {
        wakeupRequested = true;
    }

    /** Consumes a pending wake-up request. */
    boolean takeWakeup() {
        if (wakeupRequested) {
            wakeupRequested = false;
            return true;
        }
        return false;
    }
}
