package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.time.Duration;

import static dev.ringwatch.ring.KernelStructs.GETEVENTS_ARG;
import static dev.ringwatch.ring.KernelStructs.offset;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * io_uring_enter for one ring: when to enter at all, with which flags, and the retry on EINTR. Like
 * liburing's {@code sq_ring_needs_enter}, a call that has nothing to submit and nothing to wait for
 * stays in user space.
 */
final class RingEnter {
    static final int GETEVENTS = 1, SQ_WAKEUP = 2, SQ_WAIT = 4, EXT_ARG = 8;

    private final int fd;
    private final SubmissionQueue sq;
    private final CompletionQueue cq;
    private final boolean sqpoll;
    private final boolean needsGetEvents;
    /** errno capture for the ring's hot path; the ring is used by one thread at a time. */
    private final MemorySegment errnoSlot;
    /** io_uring_getevents_arg followed by the timespec it points to. */
    private final MemorySegment waitArg;
    private final MemorySegment waitTimeout;
    private boolean timedOut;

    RingEnter(int fd, SubmissionQueue sq, CompletionQueue cq, int setupFlags, Arena scratch) {
        this.fd = fd;
        this.sq = sq;
        this.cq = cq;
        this.sqpoll = (setupFlags & SetupFlags.SQPOLL) != 0;
        this.needsGetEvents = (setupFlags & (SetupFlags.DEFER_TASKRUN | SetupFlags.TASKRUN_FLAG)) != 0;
        this.errnoSlot = Native.newErrnoSlot(scratch);
        this.waitArg = scratch.allocate(GETEVENTS_ARG);
        this.waitTimeout = scratch.allocate(KernelStructs.TIMESPEC);
        waitArg.set(JAVA_INT, offset(GETEVENTS_ARG, "sigmask_sz"), 8);
        waitArg.set(JAVA_LONG, offset(GETEVENTS_ARG, "ts"), waitTimeout.address());
    }

    /** True when reaping must enter the kernel to see completions (deferred task work). */
    boolean needsGetEvents() {
        return needsGetEvents;
    }

    int submitAndWait(int minComplete) {
        int pending = sq.flush();
        if (sqpoll) {
            int enterFlags = wakeupFlagIfNeeded();
            boolean wait = minComplete > 0 && cq.ready() < minComplete;
            if (wait) {
                enter(0, minComplete, enterFlags | GETEVENTS, true);
            } else if (enterFlags != 0) {
                enter(0, 0, enterFlags, false);
            }
            return pending;
        }
        boolean wait = minComplete > 0 || needsGetEvents;
        if (pending == 0 && !wait) {
            return 0;
        }
        if (minComplete > 0 && pending > 0 && !needsGetEvents) {
            // Many ops (NOPs, cached reads, ready sockets) complete inside the submitting call: submit
            // with the cheap non-blocking downcall, and pay for a blocking one only if we must wait.
            int submitted = enter(pending, 0, 0, false);
            if (cq.ready() >= minComplete) {
                return submitted;
            }
            enter(0, minComplete, GETEVENTS, true);
            return submitted;
        }
        return enter(pending, minComplete, wait ? GETEVENTS : 0, minComplete > 0);
    }

    /**
     * Submits and waits for {@code minComplete} completions or until {@code timeout}; returns the SQEs
     * the kernel took, and leaves in {@link #timedOut()} whether the time ran out.
     */
    int submitAndWait(int minComplete, Duration timeout) {
        int pending = sq.flush();
        int enterFlags = GETEVENTS | EXT_ARG;
        int toSubmit = pending;
        if (sqpoll) {
            enterFlags |= wakeupFlagIfNeeded();
            toSubmit = 0;
        }
        Timespec.write(waitTimeout, timeout);
        timedOut = false;
        while (true) {
            long r = Native.syscall(errnoSlot, Native.SYS_IO_URING_ENTER, fd, toSubmit, minComplete, enterFlags,
                    waitArg.address(), GETEVENTS_ARG.byteSize());
            if (r >= 0) {
                return sqpoll ? pending : (int) r;
            }
            int e = Native.errno(errnoSlot);
            if (e == Errno.ETIME) {
                timedOut = true;
                return sqpoll ? pending : toSubmit - sq.flush();
            }
            if (e != Errno.EINTR) {
                throw new IoUringException(call(toSubmit, minComplete, enterFlags), e, hint(e));
            }
        }
    }

    /** Whether the last timed wait ended because its time ran out. */
    boolean timedOut() {
        return timedOut;
    }

    /** Under SQPOLL, blocks until the kernel thread has made room in the SQ. */
    void awaitSqSpace() {
        if (sqpoll && sq.spaceLeft() == 0) {
            enter(0, 0, SQ_WAIT, true);
        }
    }

    /** Lets the kernel run deferred task work and flush overflowed completions into the CQ. */
    void getEvents() {
        enter(0, 0, GETEVENTS, false);
    }

    private int wakeupFlagIfNeeded() {
        // The tail store must be visible before we read NEED_WAKEUP, or the thread may go to sleep
        // having missed our SQEs while we miss its flag: a lost wake-up. A full fence orders them.
        VarHandle.fullFence();
        return (sq.flags() & SubmissionQueue.NEED_WAKEUP) != 0 ? SQ_WAKEUP : 0;
    }

    private int enter(int toSubmit, int minComplete, int flags, boolean mayBlock) {
        while (true) {
            long r = mayBlock
                    ? Native.syscall(errnoSlot, Native.SYS_IO_URING_ENTER, fd, toSubmit, minComplete, flags, 0, 0)
                    : Native.syscallCritical(errnoSlot, Native.SYS_IO_URING_ENTER, fd, toSubmit, minComplete, flags);
            if (r >= 0) {
                return (int) r;
            }
            int e = Native.errno(errnoSlot);
            if (e != Errno.EINTR) {
                throw new IoUringException(call(toSubmit, minComplete, flags), e, hint(e));
            }
        }
    }

    private String call(int toSubmit, int minComplete, int flags) {
        return "io_uring_enter(fd=" + fd + ", to_submit=" + toSubmit + ", min_complete=" + minComplete
                + ", flags=0x" + Integer.toHexString(flags) + ")";
    }

    private static String hint(int errno) {
        return switch (errno) {
            case Errno.EBUSY, Errno.EAGAIN -> "completion queue is full or overflowing: reap completions and retry";
            case Errno.EBADF, Errno.ENXIO -> "ring fd is not an open io_uring";
            default -> null;
        };
    }
}
