package dev.ringwatch.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When a closed ring's memory may be freed. Why not simply close the shared arena from the closing thread:
 * the JDK promises that closing a shared arena while another thread is inside an access of it is safe (a
 * handshake, then that thread gets an exception), but HotSpot bug JDK-8364167 (fixed by openjdk/jdk PR
 * 30436, not in JDK 25.0.3) lets the other thread make one more access after the handshake: a store into
 * memory just unmapped, which crashed the JVM in {@code CompletionQueue.advanceTo}. A ring's memory is
 * also touched outside any counted call (SQE field stores between {@code nextSqe()} and {@code submit()},
 * reaping), so the close protocol of {@link RingState} cannot wait for those accesses either.
 *
 * <p>So close never unmaps under another thread's feet. The thread that releases the ring first
 * {@link RingMemory#detach() detaches} its memory (the regions become anonymous memory at the same
 * addresses, which drops the io_uring file at once), then closes the fd. The arena is closed (the
 * placeholders unmapped, later accesses throw) only when no other thread can be inside an access: at once
 * when the releasing thread is the ring's {@linkplain #enter user} (the last thread that called in), else
 * when that user next calls in and finds the ring closed, else when the ring becomes unreachable.
 *
 * <p>Placeholders waiting for their user replace the ring's regions one for one, so they hold no more
 * mappings than the ring held open; those of unreachable rings wait for a GC, which {@link #detach} asks
 * for every {@link #GC_HINT_EVERY} deferrals so a loop closing rings from another thread cannot pile up
 * mappings towards vm.max_map_count.
 *
 * <p>A second thread calling into the ring while its user is inside it breaks the one-thread contract;
 * the placeholder is then freed only when the ring is unreachable.
 */
final class RingTeardown {
    static final int DETACHED = 1, USER_LEFT = 2, FREE = DETACHED | USER_LEFT;
    static final int GC_HINT_EVERY = 1024;
    private static final AtomicInteger DEFERRALS = new AtomicInteger();
    private static final VarHandle STEPS;

    static {
        try {
            STEPS = MethodHandles.lookup().findVarHandle(RingTeardown.class, "steps", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final RingMemory memory;
    /**
     * The id of the last thread that called into the ring's memory: an id, not the Thread, which could
     * keep the ring reachable through its task and so stop the Cleaner.
     */
    private volatile long user;
    /** {@link #DETACHED} and {@link #USER_LEFT} as they happen; the one that completes {@link #FREE} frees. */
    @SuppressWarnings("unused") // through STEPS
    private volatile int steps;

    RingTeardown(RingMemory memory) {
        this.memory = memory;
        this.user = Thread.currentThread().threadId();
    }

    /**
     * Records {@code t} as the ring's user before the call checks whether the ring is closed; true when
     * it already was. The volatile store (only when the user changes) comes before the volatile read of
     * the closed bit, so a closer either sees this thread as the user or this thread sees the ring closed.
     */
    private boolean enter(long t) {
        if (user == t) {
            return true;
        }
        user = t;
        return false;
    }

    /**
     * Whether the ring is closed, for a call by {@code t} about to use it; the ring's user finding it
     * closed frees the detached placeholders.
     */
    boolean closedFor(Thread t, RingState state) {
        boolean wasUser = enter(t.threadId());
        if (!state.isClosed()) {
            return false;
        }
        if (wasUser) {
            userLeft();
        }
        return true;
    }

    /**
     * The user called in and found the ring closed, so it is outside every access of the ring's memory:
     * it frees the placeholders itself, if they are detached already. It never leaves the free to the
     * detaching thread, which could then unmap them under a store this thread makes after the exception.
     */
    private void userLeft() {
        if (((int) STEPS.getVolatile(this) & DETACHED) != 0) {
            step(USER_LEFT);
        }
    }

    /**
     * Called once, by the thread releasing the ring, before it closes the fd: detaches the memory, then
     * frees it now if this thread is the ring's user, or defers that. If a swap failed, that region keeps
     * the io_uring file until the free: unmapping it now could crash the JVM, which is worse.
     */
    void detach(Object ring) {
        memory.detach();
        if (user == Thread.currentThread().threadId()) {
            step(FREE);
            return;
        }
        if (DEFERRALS.incrementAndGet() % GC_HINT_EVERY == 0) {
            System.gc(); // runs the Cleaner actions of unreachable closed rings
        }
        Holder.CLEANER.register(ring, new UnreachableAction(this));
        step(DETACHED);
    }

    private void step(int bits) {
        int before = (int) STEPS.getAndBitwiseOr(this, bits);
        if (before != FREE && (before | bits) == FREE) {
            memory.unmap();
        }
    }

    boolean freed() {
        return (int) STEPS.getVolatile(this) == FREE;
    }

    /** Holds only the teardown, never the ring, so that the ring can become unreachable. */
    private record UnreachableAction(RingTeardown teardown) implements Runnable {
        @Override
        public void run() {
            teardown.step(USER_LEFT);
        }
    }

    /** Created on the first deferral only: most programs close their rings from the thread using them. */
    private static final class Holder {
        static final Cleaner CLEANER = Cleaner.create();
    }
}
