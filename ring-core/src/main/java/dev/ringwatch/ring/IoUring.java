package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * An io_uring instance: its fd, the mmap'd submission and completion rings, and optionally a
 * fixed-file table and registered buffers.
 *
 * <h2>Thread safety</h2>
 * A ring is not thread-safe: use it from one thread at a time (handing it over through a lock or a
 * queue is fine). {@link #close()} may be called from any thread at any time; a thread still using the
 * ring then gets an {@link IllegalStateException}, never a crash, because the ring memory lives in a
 * shared arena. Do not close a ring while another thread is blocked in {@link #submitAndWait(int)}.
 *
 * <h2>Lifetime</h2>
 * ring-core never closes a ring on its own: a ring that is dropped without {@link #close()} keeps its
 * fd, its mappings and (SQPOLL) its kernel thread until the process exits. That is deliberate, so that
 * a forgotten ring stays visible; the ringwatch agent reports it.
 *
 * <h2>Reserved user data</h2>
 * User data whose top 16 bits are {@code 0x5257} is reserved for resource-tag completions (the kernel's
 * confirmation that a fixed-file slot's file was dropped); {@link Sqe#userData(long)} rejects it and
 * such completions go to {@link FileDropListener}s, never to a {@link CompletionHandler}.
 *
 * <h2>Instrumentation points</h2>
 * Each lifecycle event passes through one method, so that an agent can intercept it:
 * {@code IoUring.open(Builder)} returns every successfully set-up ring; {@code IoUring.closeResources()}
 * runs once per ring, on the first close, while the fd and mappings are still valid;
 * {@code FileTable.occupy(..)}, {@code FileTable.vacate(FixedFile)} and {@code FileTable.dropConfirmed(int, long)}
 * see every slot registration, release and kernel drop confirmation.
 */
public final class IoUring implements AutoCloseable {
    /** Largest SQ size the kernel accepts without {@link Builder#clamp()} (IORING_MAX_ENTRIES). */
    public static final int MAX_ENTRIES = 32768;

    static final long TAG_PREFIX = 0x5257L << 48;
    private static final int ENTER_GETEVENTS = 1, ENTER_SQ_WAKEUP = 2, ENTER_SQ_WAIT = 4, ENTER_EXT_ARG = 8;
    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final int fd;
    private final int setupFlags;
    private final int features;
    private final int sqThreadIdleMillis;
    private final int sqThreadCpu;
    private final WeakReference<Object> owner;
    private final String ownerClassName;
    private final IoUring attachedTo;
    private final RingMemory memory;
    private final SubmissionQueue sq;
    private final CompletionQueue cq;
    private final Sqe sqe;
    private final boolean sqpoll;
    private final boolean needsGetEvents;
    /** errno capture for this ring's hot path; the ring is used by one thread at a time. */
    private final MemorySegment errnoSlot;
    private final MemorySegment waitArg;
    private final AtomicBoolean closed = new AtomicBoolean();
    private FileTable files;
    private BufferTable buffers;
    private final List<FileDropListener> dropListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private IoUring(int fd, RingParams p, Builder b, RingMemory memory, Arena scratch) {
        this.fd = fd;
        this.setupFlags = p.flags();
        this.features = p.features();
        this.sqThreadIdleMillis = b.sqThreadIdleMillis;
        this.sqThreadCpu = b.sqThreadCpu;
        Object o = b.owner;
        this.owner = o == null ? null : new WeakReference<>(o);
        this.ownerClassName = o == null ? IoUring.class.getName() : o.getClass().getName();
        this.attachedTo = b.attachTo;
        this.memory = memory;
        this.sq = new SubmissionQueue(memory, p, setupFlags);
        this.cq = new CompletionQueue(memory, p, setupFlags);
        this.sqe = new Sqe(this, sq.sqes, sq.sqeShift == 7);
        this.sqpoll = (setupFlags & SetupFlags.SQPOLL) != 0;
        this.needsGetEvents = (setupFlags & (SetupFlags.DEFER_TASKRUN | SetupFlags.TASKRUN_FLAG)) != 0;
        this.errnoSlot = Native.newErrnoSlot(scratch);
        this.waitArg = scratch.allocate(24 + 16, 8);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets up a ring as {@code b} describes. Every ring comes out of here (instrumentation point).
     */
    private static IoUring open(Builder b) {
        Arena perRing = Arena.ofAuto();
        MemorySegment errno = Native.newErrnoSlot(perRing);
        RingParams p = new RingParams(perRing);
        int flags = b.flags;
        int wqFd = 0;
        if (b.attachTo != null) {
            wqFd = b.attachTo.fd();
            flags |= SetupFlags.ATTACH_WQ;
        }
        p.request(flags, b.cqEntries, b.sqThreadCpu < 0 ? 0 : b.sqThreadCpu, b.sqThreadIdleMillis, wqFd);
        String call = "io_uring_setup(entries=" + b.entries + ", flags=" + SetupFlags.describe(flags)
                + (b.cqEntries > 0 ? ", cq_entries=" + b.cqEntries : "")
                + ((flags & SetupFlags.SQPOLL) != 0 ? ", sq_thread_idle=" + b.sqThreadIdleMillis + "ms" : "")
                + (b.sqThreadCpu >= 0 ? ", sq_thread_cpu=" + b.sqThreadCpu : "")
                + (b.attachTo != null ? ", wq_fd=" + wqFd : "") + ")";
        long r = Native.syscall(errno, Native.SYS_IO_URING_SETUP, b.entries, p.address(), 0, 0, 0, 0);
        if (r < 0) {
            int e = Native.errno(errno);
            String hint = switch (e) {
                case Errno.ENOMEM -> LockedMemory.hint();
                case Errno.EINVAL -> b.entries > MAX_ENTRIES && (flags & SetupFlags.CLAMP) == 0
                        ? "entries above " + MAX_ENTRIES + " need clamp()"
                        : "this kernel rejects this combination of flags or sizes";
                case Errno.EMFILE, Errno.ENFILE -> "out of file descriptors";
                case Errno.EBADF -> "attachWq ring is not open";
                default -> null;
            };
            throw new IoUringException(call, e, hint);
        }
        int fd = (int) r;
        String describe = "io_uring fd=" + fd;
        RingMemory memory;
        try {
            memory = new RingMemory(fd, p, p.flags(), errno, b.mapper, describe);
        } catch (RuntimeException e) {
            // Nothing may leak when set-up fails half-way: the mappings are gone already, close the fd.
            Native.close(errno, fd);
            throw e;
        }
        return new IoUring(fd, p, b, memory, perRing);
    }

    // ---- identity and set-up parameters ------------------------------------------------------------

    /** A number unique to this ring within the JVM; valid after close. */
    public long id() {
        return id;
    }

    /** The ring's file descriptor. */
    public int fd() {
        ensureOpen();
        return fd;
    }

    /** The {@link SetupFlags} the kernel accepted (ATTACH_WQ included when attached). */
    public int setupFlags() {
        return setupFlags;
    }

    /** The {@link Features} the kernel reported. */
    public int features() {
        return features;
    }

    public boolean hasFeature(int feature) {
        return (features & feature) == feature;
    }

    public boolean isSqpoll() {
        return sqpoll;
    }

    /** SQ size after the kernel's rounding up to a power of two. */
    public int sqEntries() {
        return sq.entries;
    }

    public int cqEntries() {
        return cq.entries;
    }

    /** SQPOLL idle time as requested; 0 means the kernel's default (1 s). */
    public int sqThreadIdleMillis() {
        return sqThreadIdleMillis;
    }

    /** CPU the SQPOLL thread is pinned to, or -1. */
    public int sqThreadCpu() {
        return sqThreadCpu;
    }

    /** The ring given to {@link Builder#attachWq(IoUring)}, or null. */
    public IoUring attachedTo() {
        return attachedTo;
    }

    /**
     * The object whose life bounds this ring: the one given to {@link Builder#owner(Object)} (held weakly,
     * so null once it was collected) or this ring itself.
     */
    public Object owner() {
        return owner == null ? this : owner.get();
    }

    /** True when {@link Builder#owner(Object)} named an owner other than the ring. */
    public boolean hasExplicitOwner() {
        return owner != null;
    }

    /** Class name of the owner (kept even after the owner was collected). */
    public String ownerClassName() {
        return ownerClassName;
    }

    /** What is mapped for this ring: address and size of each region. */
    public List<Mapping> mappings() {
        return memory.mappings();
    }

    /** Total bytes mapped for this ring. */
    public long mappedBytes() {
        return memory.mappedBytes();
    }

    // ---- submission ----------------------------------------------------------------------------------

    /**
     * The next free SQE, zeroed, as a flyweight: the returned object is reused by the next call.
     *
     * @throws SubmissionQueueFullException when every SQE is queued and not yet consumed
     */
    public Sqe nextSqe() {
        ensureOpen();
        long off = sq.claim();
        if (off < 0) {
            throw new SubmissionQueueFullException(toString(), sq.entries);
        }
        return sqe.reset(off);
    }

    /** Free SQEs. */
    public int sqSpaceLeft() {
        ensureOpen();
        return sq.spaceLeft();
    }

    /** Submits the queued SQEs; returns how many the kernel took (under SQPOLL: how many were published). */
    public int submit() {
        return submitAndWait(0);
    }

    /** Submits the queued SQEs and waits until at least {@code minComplete} completions are ready. */
    public int submitAndWait(int minComplete) {
        ensureOpen();
        if (minComplete < 0) {
            throw new IllegalArgumentException("minComplete must be >= 0, got " + minComplete);
        }
        int pending = sq.flush();
        if (sqpoll) {
            int enterFlags = wakeupFlagIfNeeded();
            boolean wait = minComplete > 0 && cq.ready() < minComplete;
            if (wait) {
                enter(0, minComplete, enterFlags | ENTER_GETEVENTS, true);
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
            enter(0, minComplete, ENTER_GETEVENTS, true);
            return submitted;
        }
        return enter(pending, minComplete, wait ? ENTER_GETEVENTS : 0, minComplete > 0);
    }

    /**
     * Like {@link #submitAndWait(int)} but gives up after {@code timeout} (needs IORING_FEAT_EXT_ARG):
     * returns normally with fewer completions ready when the time ran out.
     */
    public int submitAndWait(int minComplete, Duration timeout) {
        ensureOpen();
        if (minComplete < 0) {
            throw new IllegalArgumentException("minComplete must be >= 0, got " + minComplete);
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        if (!hasFeature(Features.EXT_ARG)) {
            throw new UnsupportedOperationException("this kernel lacks IORING_FEAT_EXT_ARG (wait with timeout)");
        }
        int pending = sq.flush();
        int enterFlags = ENTER_GETEVENTS | ENTER_EXT_ARG;
        int toSubmit = pending;
        if (sqpoll) {
            enterFlags |= wakeupFlagIfNeeded();
            toSubmit = 0;
        }
        // struct io_uring_getevents_arg { u64 sigmask; u32 sigmask_sz; u32 pad; u64 ts; } then the timespec
        waitArg.set(JAVA_LONG, 0, 0L);
        waitArg.set(JAVA_INT, 8, 8);
        waitArg.set(JAVA_INT, 12, 0);
        waitArg.set(JAVA_LONG, 16, waitArg.address() + 24);
        waitArg.set(JAVA_LONG, 24, timeout.getSeconds());
        waitArg.set(JAVA_LONG, 32, timeout.getNano());
        while (true) {
            long r = Native.syscall(errnoSlot, Native.SYS_IO_URING_ENTER, fd, toSubmit, minComplete, enterFlags,
                    waitArg.address(), 24);
            if (r >= 0) {
                return sqpoll ? pending : (int) r;
            }
            int e = Native.errno(errnoSlot);
            if (e == Errno.ETIME) {
                return sqpoll ? pending : toSubmit - sq.flush();
            }
            if (e != Errno.EINTR) {
                throw new IoUringException(enterCall(toSubmit, minComplete, enterFlags), e, enterHint(e));
            }
        }
    }

    /** Under SQPOLL, blocks until the kernel thread has made room in the SQ (IORING_ENTER_SQ_WAIT). */
    public void awaitSqSpace() {
        ensureOpen();
        if (sqpoll && sq.spaceLeft() == 0) {
            enter(0, 0, ENTER_SQ_WAIT, true);
        }
    }

    private int wakeupFlagIfNeeded() {
        // The tail store must be visible before we read NEED_WAKEUP, or the thread may go to sleep
        // having missed our SQEs while we miss its flag: a lost wake-up. A full fence orders them.
        VarHandle.fullFence();
        return (sq.flags() & SubmissionQueue.NEED_WAKEUP) != 0 ? ENTER_SQ_WAKEUP : 0;
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
                throw new IoUringException(enterCall(toSubmit, minComplete, flags), e, enterHint(e));
            }
        }
    }

    private String enterCall(int toSubmit, int minComplete, int flags) {
        return "io_uring_enter(fd=" + fd + ", to_submit=" + toSubmit + ", min_complete=" + minComplete
                + ", flags=0x" + Integer.toHexString(flags) + ")";
    }

    private static String enterHint(int errno) {
        return switch (errno) {
            case Errno.EBUSY, Errno.EAGAIN -> "completion queue is full or overflowing: reap completions and retry";
            case Errno.EBADF, Errno.ENXIO -> "ring fd is not an open io_uring";
            default -> null;
        };
    }

    // ---- completion ----------------------------------------------------------------------------------

    /** Completions ready to be reaped. */
    public int cqReady() {
        ensureOpen();
        return cq.ready();
    }

    /**
     * Hands every ready completion to {@code handler} and returns how many it saw. Resource-tag
     * completions go to {@link FileDropListener}s instead. If the handler throws, the completions
     * before it stay consumed and the failing one is consumed too: none is seen twice.
     */
    public int forEachCompletion(CompletionHandler handler) {
        ensureOpen();
        return drainCompletions(java.util.Objects.requireNonNull(handler, "handler"), null);
    }

    /** Like {@link #forEachCompletion(CompletionHandler)} for rings built with {@code cqe32()}. */
    public int forEachCompletion(BigCompletionHandler handler) {
        ensureOpen();
        if ((setupFlags & SetupFlags.CQE32) == 0) {
            throw new IllegalStateException(this + " has 16-byte CQEs: build it with cqe32() to read big completions");
        }
        return drainCompletions(null, java.util.Objects.requireNonNull(handler, "handler"));
    }

    /**
     * One loop for both handler kinds; exactly one of them is non-null. CQEs are read in place, through
     * one slice per contiguous run, so the JIT checks bounds once per run rather than per field.
     */
    private int drainCompletions(CompletionHandler small, BigCompletionHandler big) {
        if (needsGetEvents && cq.ready() == 0) {
            runTaskWork();
        }
        CompletionQueue q = cq;
        int head = q.head();
        int tail = q.tail();
        int seen = 0;
        int shift = q.cqeShift;
        try {
            while (head != tail) {
                int n = q.contiguous(head, tail);
                MemorySegment run = q.run(head, n);
                for (int i = 0; i < n; i++) {
                    long off = (long) i << shift;
                    long userData = run.get(JAVA_LONG_UNALIGNED, off);
                    long resFlags = run.get(JAVA_LONG_UNALIGNED, off + 8);
                    head++;
                    if ((userData & 0xFFFF_0000_0000_0000L) == TAG_PREFIX) {
                        tagCompleted(userData);
                    } else {
                        seen++;
                        if (big == null) {
                            small.handle(userData, (int) resFlags, (int) (resFlags >>> 32));
                        } else {
                            big.handle(userData, (int) resFlags, (int) (resFlags >>> 32),
                                    run.get(JAVA_LONG_UNALIGNED, off + 16), run.get(JAVA_LONG_UNALIGNED, off + 24));
                        }
                    }
                }
            }
        } finally {
            q.advanceTo(head);
        }
        return seen;
    }

    private void runTaskWork() {
        enter(0, 0, ENTER_GETEVENTS, false);
    }

    private void tagCompleted(long tag) {
        FileTable t = files;
        if (t != null) {
            t.tagArrived(tag);
        }
    }

    /** CQEs the kernel could not post because the CQ was full (and kept aside, with IORING_FEAT_NODROP). */
    public int cqOverflow() {
        ensureOpen();
        return cq.overflow();
    }

    // ---- fixed files, buffers, probe ------------------------------------------------------------------

    /**
     * Registers a sparse fixed-file table of {@code size} empty slots, with resource tags so that the
     * kernel confirms each dropped file. One table per ring.
     */
    public FileTable registerFiles(int size) {
        ensureOpen();
        if (files != null) {
            throw new IllegalStateException(this + " already has a fixed-file table of " + files.size() + " slots");
        }
        files = new FileTable(this, size);
        return files;
    }

    /** The fixed-file table, or null before {@link #registerFiles(int)}. */
    public FileTable files() {
        return files;
    }

    /** Registers buffers for read_fixed/write_fixed; index i in the table is {@code buffers[i]}. */
    public BufferTable registerBuffers(MemorySegment... segments) {
        ensureOpen();
        if (buffers != null) {
            throw new IllegalStateException(this + " already has registered buffers");
        }
        buffers = new BufferTable(this, segments);
        return buffers;
    }

    BufferTable bufferTable() {
        return buffers;
    }

    /** Which operations the running kernel supports. */
    public Probe probe() {
        ensureOpen();
        return Probe.of(this);
    }

    /** Listeners for the kernel's confirmation that a fixed-file slot's file was really dropped. */
    public void addFileDropListener(FileDropListener listener) {
        dropListeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    public void removeFileDropListener(FileDropListener listener) {
        dropListeners.remove(listener);
    }

    List<FileDropListener> dropListeners() {
        return dropListeners;
    }

    /** io_uring_register on this ring; throws {@link IoUringException} naming {@code what}. */
    int register(int opcode, long arg, int nrArgs, String what) {
        ensureOpen();
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
                            e == Errno.ENOMEM ? LockedMemory.hint() : null);
                }
            }
        }
    }

    // ---- close ---------------------------------------------------------------------------------------

    public boolean isClosed() {
        return closed.get();
    }

    /** Unmaps the rings and closes the fd; idempotent and safe from any thread. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeResources();
        }
    }

    /** Runs once per ring (instrumentation point): unmap exactly what was mapped, then close the fd. */
    private void closeResources() {
        try {
            memory.unmap();
        } finally {
            try (Arena a = Arena.ofConfined()) {
                Native.close(Native.newErrnoSlot(a), fd);
            }
        }
    }

    void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException(this + " is closed");
        }
    }

    @Override
    public String toString() {
        return "io_uring ring #" + id + " (fd=" + fd + ", " + SetupFlags.describe(setupFlags) + ")";
    }

    /** Describes a ring to create; {@link #build()} creates it. */
    public static final class Builder {
        private int entries = 64;
        private int flags;
        private int cqEntries;
        private int sqThreadIdleMillis;
        private int sqThreadCpu = -1;
        private IoUring attachTo;
        private Object owner;
        private Mapper mapper = Mapper.NATIVE;

        private Builder() {
        }

        /**
         * SQ entries (default 64), 1 to {@link #MAX_ENTRIES}; the kernel rounds up to a power of two
         * (33 becomes 64), which {@link IoUring#sqEntries()} reports. Larger values fail in the kernel
         * with EINVAL unless {@link #clamp()} is set.
         */
        public Builder entries(int entries) {
            if (entries <= 0) {
                throw new IllegalArgumentException("entries must be between 1 and " + MAX_ENTRIES + ", got " + entries);
            }
            this.entries = entries;
            return this;
        }

        /** CQ entries (IORING_SETUP_CQSIZE); must be at least the SQ size. */
        public Builder cqEntries(int cqEntries) {
            if (cqEntries <= 0) {
                throw new IllegalArgumentException("cqEntries must be positive, got " + cqEntries);
            }
            this.cqEntries = cqEntries;
            flags |= SetupFlags.CQSIZE;
            return this;
        }

        /** Lets the kernel cap oversized SQ/CQ sizes instead of failing (IORING_SETUP_CLAMP). */
        public Builder clamp() {
            flags |= SetupFlags.CLAMP;
            return this;
        }

        /**
         * A kernel thread polls the SQ (IORING_SETUP_SQPOLL) and sleeps after {@code idle} without work
         * (millisecond resolution; zero means the kernel's default of one second).
         */
        public Builder sqpoll(Duration idle) {
            long ms = idle.toMillis();
            if (idle.isNegative() || ms > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("sqpoll idle must be 0 to " + Integer.MAX_VALUE + " ms, got " + idle);
            }
            flags |= SetupFlags.SQPOLL;
            sqThreadIdleMillis = (int) ms;
            return this;
        }

        /** Pins the SQPOLL thread to {@code cpu} (IORING_SETUP_SQ_AFF); needs {@link #sqpoll(Duration)}. */
        public Builder sqpollCpu(int cpu) {
            if (cpu < 0) {
                throw new IllegalArgumentException("sqpoll cpu must be >= 0, got " + cpu);
            }
            flags |= SetupFlags.SQ_AFF;
            sqThreadCpu = cpu;
            return this;
        }

        /** 128-byte SQEs (for commands that need the extra 64 bytes). */
        public Builder sqe128() {
            flags |= SetupFlags.SQE128;
            return this;
        }

        /** 32-byte CQEs, read with {@link IoUring#forEachCompletion(BigCompletionHandler)}. */
        public Builder cqe32() {
            flags |= SetupFlags.CQE32;
            return this;
        }

        /** Shares {@code other}'s async workers and, with SQPOLL, its SQ thread (IORING_SETUP_ATTACH_WQ). */
        public Builder attachWq(IoUring other) {
            java.util.Objects.requireNonNull(other, "attachWq ring");
            other.ensureOpen();
            this.attachTo = other;
            return this;
        }

        /** Keep submitting a batch past a failing SQE (IORING_SETUP_SUBMIT_ALL). */
        public Builder submitAll() {
            flags |= SetupFlags.SUBMIT_ALL;
            return this;
        }

        /** Completion task work runs at the next transition to the kernel, not by interrupt (COOP_TASKRUN). */
        public Builder coopTaskrun() {
            flags |= SetupFlags.COOP_TASKRUN;
            return this;
        }

        /** Lets the kernel flag pending task work in the SQ flags (TASKRUN_FLAG, with coopTaskrun or deferTaskrun). */
        public Builder taskrunFlag() {
            flags |= SetupFlags.TASKRUN_FLAG;
            return this;
        }

        /** Promise that only one thread submits (SINGLE_ISSUER). */
        public Builder singleIssuer() {
            flags |= SetupFlags.SINGLE_ISSUER;
            return this;
        }

        /** Completion work runs only when the issuer waits (DEFER_TASKRUN); implies SINGLE_ISSUER. */
        public Builder deferTaskrun() {
            flags |= SetupFlags.DEFER_TASKRUN | SetupFlags.SINGLE_ISSUER;
            return this;
        }

        /** The object whose life bounds the ring (held weakly); default: the ring itself. */
        public Builder owner(Object owner) {
            this.owner = owner;
            return this;
        }

        /** Test seam: substitutes the mmap call to provoke failures after io_uring_setup succeeded. */
        Builder mapper(Mapper mapper) {
            this.mapper = mapper;
            return this;
        }

        /** Sets up the ring. */
        public IoUring build() {
            if ((flags & SetupFlags.SQ_AFF) != 0 && (flags & SetupFlags.SQPOLL) == 0) {
                throw new IllegalStateException("sqpollCpu(..) needs sqpoll(..)");
            }
            return open(this);
        }
    }
}
