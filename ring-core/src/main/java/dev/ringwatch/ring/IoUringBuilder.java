package dev.ringwatch.ring;

import java.time.Duration;

/**
 * Describes a ring to create; {@link #build()} creates it. Get one from {@link IoUring#builder()}.
 *
 * <p>Defaults beyond liburing's ({@code io_uring_queue_init(entries, &ring, 0)}): {@link #noSqArray(boolean)}
 * is on. SINGLE_ISSUER, DEFER_TASKRUN and a registered ring fd stay opt-in ({@link #singleIssuer()},
 * {@link #deferTaskrun()}, {@link #registerRingFd()}): each ties the ring to one thread, and a ring may be
 * handed from thread to thread and closed from any thread.
 */
public final class IoUringBuilder {
    int entries = 64;
    int flags;
    int cqEntries;
    int sqThreadIdleMillis;
    int sqThreadCpu = -1;
    IoUring attachTo;
    Object owner;
    boolean checkThreads;
    boolean noSqArray = true;
    boolean noSqArrayExplicit;
    boolean registerRingFd;
    Mapper mapper = Mapper.NATIVE;

    IoUringBuilder() {
    }

    /**
     * SQ entries (default 64), 1 to {@link IoUring#MAX_ENTRIES}; the kernel rounds up to a power of two
     * (33 becomes 64), which {@link IoUring#sqEntries()} reports. Larger values fail in the kernel
     * with EINVAL unless {@link #clamp()} is set.
     * @param entries SQ entries
     * @return this builder
     */
    public IoUringBuilder entries(int entries) {
        if (entries <= 0) {
            throw new IllegalArgumentException("entries must be between 1 and " + IoUring.MAX_ENTRIES + ", got " + entries);
        }
        this.entries = entries;
        return this;
    }

    /**
     * CQ entries (IORING_SETUP_CQSIZE); must be at least the SQ size.
     * @param cqEntries CQ entries, at least the SQ size
     * @return this builder
     */
    public IoUringBuilder cqEntries(int cqEntries) {
        if (cqEntries <= 0) {
            throw new IllegalArgumentException("cqEntries must be positive, got " + cqEntries);
        }
        this.cqEntries = cqEntries;
        flags |= SetupFlags.CQSIZE;
        return this;
    }

    /**
     * Lets the kernel cap oversized SQ/CQ sizes instead of failing (IORING_SETUP_CLAMP).
     * @return this builder
     */
    public IoUringBuilder clamp() {
        flags |= SetupFlags.CLAMP;
        return this;
    }

    /**
     * A kernel thread polls the SQ (IORING_SETUP_SQPOLL) and sleeps after {@code idle} without work
     * (millisecond resolution; zero means the kernel's default of one second).
     * @param idle idle time after which the SQPOLL thread sleeps
     * @return this builder
     */
    public IoUringBuilder sqpoll(Duration idle) {
        long ms = idle.toMillis();
        if (idle.isNegative() || ms > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sqpoll idle must be 0 to " + Integer.MAX_VALUE + " ms, got " + idle);
        }
        flags |= SetupFlags.SQPOLL;
        sqThreadIdleMillis = (int) ms;
        return this;
    }

    /**
     * Pins the SQPOLL thread to {@code cpu} (IORING_SETUP_SQ_AFF); needs {@link #sqpoll(Duration)}.
     * @param cpu the CPU to pin the SQPOLL thread to
     * @return this builder
     */
    public IoUringBuilder sqpollCpu(int cpu) {
        if (cpu < 0) {
            throw new IllegalArgumentException("sqpoll cpu must be >= 0, got " + cpu);
        }
        flags |= SetupFlags.SQ_AFF;
        sqThreadCpu = cpu;
        return this;
    }

    /**
     * 128-byte SQEs (for commands that need the extra 64 bytes).
     * @return this builder
     */
    public IoUringBuilder sqe128() {
        flags |= SetupFlags.SQE128;
        return this;
    }

    /**
     * 32-byte CQEs, read with {@link IoUring#forEachCompletion(BigCompletionHandler)}.
     * @return this builder
     */
    public IoUringBuilder cqe32() {
        flags |= SetupFlags.CQE32;
        return this;
    }

    /**
     * Shares {@code other}'s async workers and, with SQPOLL, its SQ thread (IORING_SETUP_ATTACH_WQ).
     * @param other the ring to share with
     * @return this builder
     */
    public IoUringBuilder attachWq(IoUring other) {
        java.util.Objects.requireNonNull(other, "attachWq ring");
        other.checkOpen();
        this.attachTo = other;
        return this;
    }

    /**
     * Keep submitting a batch past a failing SQE (IORING_SETUP_SUBMIT_ALL).
     * @return this builder
     */
    public IoUringBuilder submitAll() {
        flags |= SetupFlags.SUBMIT_ALL;
        return this;
    }

    /**
     * Completion task work runs at the next transition to the kernel, not by interrupt (COOP_TASKRUN).
     * @return this builder
     */
    public IoUringBuilder coopTaskrun() {
        flags |= SetupFlags.COOP_TASKRUN;
        return this;
    }

    /**
     * Lets the kernel flag pending task work in the SQ flags (TASKRUN_FLAG, with coopTaskrun or deferTaskrun).
     * @return this builder
     */
    public IoUringBuilder taskrunFlag() {
        flags |= SetupFlags.TASKRUN_FLAG;
        return this;
    }

    /**
     * Promise that only one thread submits (SINGLE_ISSUER).
     * @return this builder
     */
    public IoUringBuilder singleIssuer() {
        flags |= SetupFlags.SINGLE_ISSUER;
        return this;
    }

    /**
     * Completion work runs only when the issuer waits (DEFER_TASKRUN); implies SINGLE_ISSUER.
     * @return this builder
     */
    public IoUringBuilder deferTaskrun() {
        flags |= SetupFlags.DEFER_TASKRUN | SetupFlags.SINGLE_ISSUER;
        return this;
    }

    /**
     * IORING_SETUP_NO_SQARRAY: the kernel takes SQ slot i as SQE i instead of reading an index array
     * (one load fewer per SQE, and no array to fill). On by default; on a kernel older than 6.6, which
     * rejects the flag, the ring is set up without it (only a default is dropped that way: an explicit
     * {@code noSqArray(true)} fails there). The flag shows in {@link IoUring#setupFlags()}.
     *
     * @param on whether to ask for it
     * @return this builder
     */
    public IoUringBuilder noSqArray(boolean on) {
        noSqArray = on;
        noSqArrayExplicit = true;
        return this;
    }

    /**
     * Registers the ring's fd with the kernel for the building thread (IORING_REGISTER_RING_FDS), so that
     * io_uring_enter on that thread skips the fd lookup and reference count (IORING_ENTER_REGISTERED_RING).
     * Other threads keep using the fd. For a ring built, used and closed on one platform thread: the kernel
     * holds the registration per thread, so a ring closed on another thread keeps its kernel side until the
     * building thread calls into it again or exits. Silently not done on a virtual thread or when the kernel
     * refuses; {@link IoUring#isRingFdRegistered()} tells.
     *
     * @return this builder
     */
    public IoUringBuilder registerRingFd() {
        registerRingFd = true;
        return this;
    }

    /**
     * The object whose life bounds the ring (held weakly); default: the ring itself.
     * @param owner the object whose life bounds the slot or ring (held weakly), or null
     * @return this builder
     */
    public IoUringBuilder owner(Object owner) {
        this.owner = owner;
        return this;
    }

    /**
     * Fails loudly when two threads use the ring at once (an {@link IllegalStateException} naming both),
     * instead of corrupting its queues; costs an atomic update per call. Also enabled for every ring by
     * {@code -Ddev.ringwatch.ring.checkThreads=true}.
     *
     * @return this builder
     */
    public IoUringBuilder checkThreads() {
        checkThreads = true;
        return this;
    }

    /** Test seam: substitutes the mmap call to provoke failures after io_uring_setup succeeded. */
    IoUringBuilder mapper(Mapper mapper) {
        this.mapper = mapper;
        return this;
    }

    /** How io_uring_setup is called for this builder, for error messages. */
    String describeSetup(int setupFlags, int wqFd) {
        return "io_uring_setup(entries=" + entries + ", flags=" + SetupFlags.describe(setupFlags)
                + (cqEntries > 0 ? ", cq_entries=" + cqEntries : "")
                + ((setupFlags & SetupFlags.SQPOLL) != 0 ? ", sq_thread_idle=" + sqThreadIdleMillis + "ms" : "")
                + (sqThreadCpu >= 0 ? ", sq_thread_cpu=" + sqThreadCpu : "")
                + (attachTo != null ? ", wq_fd=" + wqFd : "") + ")";
    }

    /** What probably caused io_uring_setup's {@code errno}, or null. */
    String setupHint(int errno, int setupFlags) {
        return switch (errno) {
            case Errno.ENOMEM -> ResourceLimits.lockedMemoryHint();
            case Errno.EINVAL -> entries > IoUring.MAX_ENTRIES && (setupFlags & SetupFlags.CLAMP) == 0
                    ? "entries above " + IoUring.MAX_ENTRIES + " need clamp()"
                    : "this kernel rejects this combination of flags or sizes";
            case Errno.EMFILE, Errno.ENFILE -> "out of file descriptors";
            case Errno.EBADF -> "attachWq ring is not open";
            default -> null;
        };
    }

    /**
     * Sets up the ring.
     * @return this builder
     */
    public IoUring build() {
        if ((flags & SetupFlags.SQ_AFF) != 0 && (flags & SetupFlags.SQPOLL) == 0) {
            throw new IllegalStateException("sqpollCpu(..) needs sqpoll(..)");
        }
        return IoUring.open(this);
    }
}
