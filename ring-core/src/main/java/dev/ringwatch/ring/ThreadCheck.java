package dev.ringwatch.ring;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The opt-in check that a ring is used by one thread at a time ({@link IoUringBuilder#checkThreads()} or
 * {@code -Ddev.ringwatch.ring.checkThreads=true}): each preparing, submitting or reaping call marks the
 * ring as in use by its thread, and a call from another thread while it is marked fails loudly instead of
 * corrupting the queues. Handing the ring over between calls (through a lock or a queue) stays legal.
 */
final class ThreadCheck {
    static final String PROPERTY = "dev.ringwatch.ring.checkThreads";

    private final String ring;
    private final AtomicReference<Thread> user = new AtomicReference<>();

    ThreadCheck(String ring) {
        this.ring = ring;
    }

    /** Marks the ring in use by this thread; true for the outermost call, which must {@link #exit()}. */
    boolean enter() {
        Thread me = Thread.currentThread();
        if (user.compareAndSet(null, me)) {
            return true;
        }
        Thread other = user.get();
        if (other == me) {
            return false; // a handler preparing SQEs inside forEachCompletion: same thread, nested call
        }
        throw new IllegalStateException(ring + " is used by " + describe(me) + " while " + describe(other)
                + " is using it: a ring is for one thread at a time (hand it over through a lock or a queue)");
    }

    void exit() {
        user.set(null);
    }

    private static String describe(Thread t) {
        return t == null ? "another thread" : "thread \"" + t.getName() + "\" (id " + t.threadId() + ")";
    }
}
