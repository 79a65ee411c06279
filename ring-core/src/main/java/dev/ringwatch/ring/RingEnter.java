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
 * io_uring_enter (and io_uring_register) for one ring: when to enter at all, with which flags, and the retry on EINTR. Like
 * liburing's {@code sq_ring_needs_enter}, a call that has nothing to submit and nothing to wait for
 * stays in user space. Callers hold a use of the ring ({@link RingState#acquire()}) around each call.
 *
 * <p>Blocking waits run in slices of {@link #WAIT_SLICE} (with IORING_FEAT_EXT_ARG), so that a waiting
 * thread notices {@link IoUring#wakeup()} and a close by another thread without any signal.
 */
final class RingEnter {
    static final int GETEVENTS = 1, SQ_WAKEUP = 2, SQ_WAIT = 4, EXT_ARG = 8;
    static final Duration WAIT_SLICE = Duration.ofMillis(20);
    static final long NO_DEADLINE = Long.MAX_VALUE;
    /** What a wait ended with. */
    static final int WAIT_DONE = 0, WAIT_TIMED_OUT = 1, WAIT_WOKEN = 2;

    private final int fd;
    private final RingFdRegistration ringFd;
    private final SubmissionQueue sq;
    private final CompletionQueue cq;
    private final RingState state;
    private final String ring;
    private final boolean sqpoll;
    private final boolean needsGetEvents;
    private final boolean extArg;
    /** errno capture for the ring's hot path; the ring is used by one thread at a time. */
    private final MemorySegment errnoSlot;
    /** io_uring_getevents_arg, pointing at {@link #waitTimeout}. */
    private final MemorySegment waitArg;
    private final MemorySegment waitTimeout;
    private int lastWait;

    RingEnter(int fd, RingFdRegistration ringFd, SubmissionQueue sq, CompletionQueue cq, RingState state, int setupFlags, int features,
              String ring, Arena scratch) {
        this.fd = fd;
        this.ringFd = ringFd;
        this.sq = sq;
        this.cq = cq;
        this.state = state;
        this.ring = ring;
        this.sqpoll = (setupFlags & SetupFlags.SQPOLL) != 0;
        this.needsGetEvents = (setupFlags & (SetupFlags.DEFER_TASKRUN | SetupFlags.TASKRUN_FLAG)) != 0;
        this.extArg = (features & Features.EXT_ARG) != 0;
        this.errnoSlot = Native.newErrnoSlot(scratch);
        this.waitArg = scratch.allocate(GETEVENTS_ARG);
        this.waitTimeout = scratch.allocate(KernelStructs.TIMESPEC);
        waitArg.set(JAVA_INT, offset(GETEVENTS_ARG, "sigmask_sz"), 8);
        waitArg.set(JAVA_LONG, offset(GETEVENTS_ARG, "ts"), waitTimeout.address());
    }

    /** {@link System#nanoTime()} after {@code timeout} (capped at a year, so it cannot overflow). */
    static long deadlineAfter(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        long nanos = timeout.compareTo(Duration.ofDays(365)) > 0 ? Duration.ofDays(365).toNanos() : timeout.toNanos();
        return System.nanoTime() + nanos;
    }

    /** True when reaping must enter the kernel to see completions (deferred task work). */
    boolean needsGetEvents() {
        return needsGetEvents;
    }

    /** Submits and, if {@code minComplete > 0}, waits without a deadline; returns the SQEs the kernel took. */
    int submitAndWait(int minComplete) {
        return submitAndWait(minComplete, NO_DEADLINE);
    }

    /**
     * Submits and waits until {@code minComplete} completions are ready, the deadline ({@link System#nanoTime()})
     * passes, or a wake-up was requested; {@link #lastWait()} then tells which.
     */
    int submitAndWait(int minComplete, long deadline) {
        int pending = sq.flush();
        int submitted = 0;
        int wakeFlag = 0;
        if (sqpoll) {
            submitted = pending;
            wakeFlag = wakeupFlagIfNeeded();
        } else if (pending > 0 || needsGetEvents) {
            // Many ops (NOPs, cached reads, ready sockets) complete inside the submitting call: submit
            // with the cheap non-blocking downcall, and pay for a blocking one only if we must wait.
            submitted = enter(pending, 0, needsGetEvents ? GETEVENTS : 0, false);
        }
        boolean mustWait = minComplete > 0 && cq.ready() < minComplete;
        if (wakeFlag != 0 && !mustWait) {
            enter(0, 0, wakeFlag, false);
        }
        lastWait = mustWait ? waitFor(minComplete, wakeFlag, deadline) : WAIT_DONE;
        return submitted;
    }

    /** How the last {@link #submitAndWait(int, long)} ended: WAIT_DONE, WAIT_TIMED_OUT or WAIT_WOKEN. */
    int lastWait() {
        return lastWait;
    }

    /** Blocks until {@code minComplete} completions are ready; returns a WAIT_* code. */
    private int waitFor(int minComplete, int firstFlags, long deadline) {
        if (!extArg) {
            enter(0, minComplete, GETEVENTS | firstFlags, true);
            return WAIT_DONE;
        }
        int flags = GETEVENTS | EXT_ARG | firstFlags;
        while (true) {
            long slice = Math.min(WAIT_SLICE.toNanos(), deadline == NO_DEADLINE ? Long.MAX_VALUE : deadline - System.nanoTime());
            Timespec.write(waitTimeout, Duration.ofNanos(Math.max(0, slice)));
            long r = enterRaw(0, minComplete, flags, waitArg.address(), GETEVENTS_ARG.byteSize(), true);
            flags = GETEVENTS | EXT_ARG;
            int e = r >= 0 ? 0 : (int) -r;
            if (r >= 0 || cq.ready() >= minComplete) {
                return WAIT_DONE;
            }
            if (e != Errno.ETIME && e != Errno.EINTR) {
                throw new IoUringException(call(0, minComplete, flags), e, hint(e));
            }
            if (state.takeWakeup()) {
                return WAIT_WOKEN;
            }
            if (state.isClosed()) {
                throw new IllegalStateException(ring + " was closed by another thread while this thread waited for "
                        + minComplete + " completion(s)");
            }
            if (deadline != NO_DEADLINE && deadline - System.nanoTime() <= 0) {
                return WAIT_TIMED_OUT;
            }
        }
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
            long r = enterRaw(toSubmit, minComplete, flags, 0, 0, mayBlock);
            if (r >= 0) {
                return (int) r;
            }
            int e = (int) -r;
            if (e != Errno.EINTR) {
                throw new IoUringException(call(toSubmit, minComplete, flags), e, hint(e));
            }
        }
    }

    /**
     * io_uring_enter; returns the kernel's result, {@code >= 0} or minus errno. A call that may sleep
     * ({@code mayBlock}) makes the normal thread-state transition, so that a GC need not wait for it; one that
     * cannot (no GETEVENTS with a wait) skips it (Linker.Option.critical), which is a large part of a NOP's cost.
     */
    private long enterRaw(int toSubmit, int minComplete, int flags, long arg, long argSize, boolean mayBlock) {
        int target = fd;
        if (ringFd.index >= 0 && ringFd.usableHere()) {
            target = ringFd.index;
            flags |= RingFdRegistration.ENTER_REGISTERED_RING;
        }
        if (EnterStub.AVAILABLE) {
            return EnterStub.enter(target, toSubmit, minComplete, flags, arg, argSize, mayBlock);
        }
        long r = mayBlock || arg != 0
                ? Native.syscall(errnoSlot, Native.SYS_IO_URING_ENTER, target, toSubmit, minComplete, flags, arg, argSize)
                : Native.syscallCritical(errnoSlot, Native.SYS_IO_URING_ENTER, target, toSubmit, minComplete, flags);
        return r >= 0 ? r : -Native.errno(errnoSlot);
    }

    /** io_uring_register on this ring; throws {@link IoUringException} naming {@code what} and the limit behind it. */
    int register(int opcode, long arg, int nrArgs, String what) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = Native.newErrnoSlot(a);
            while (true) {
                long r = Native.syscall(errno, Native.SYS_IO_URING_REGISTER, fd, opcode, arg, nrArgs, 0, 0);
                if (r >= 0) {
                    return (int) r;
                }
                int e = Native.errno(errno);
                if (e != Errno.EINTR) {
                    throw new IoUringException("io_uring_register(fd=" + fd + ", " + what + ")", e,
                            e == Errno.ENOMEM ? ResourceLimits.lockedMemoryHint()
                                    : e == Errno.EMFILE ? ResourceLimits.openFilesHint() : null);
                }
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

    static void checkMinComplete(int minComplete) {
        if (minComplete < 0) {
            throw new IllegalArgumentException("minComplete must be >= 0, got " + minComplete);
        }
    }
}
