package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

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
 * {@code IoUring.open(IoUringBuilder)} returns every successfully set-up ring; {@code IoUring.closeResources()}
 * runs once per ring, on the first close, while the fd and mappings are still valid;
 * {@code FileTable.occupy(..)}, {@code FileTable.vacate(FixedFile)} and {@code FileTable.dropConfirmed(int, long)}
 * see every slot registration, release and kernel drop confirmation.
 */
public final class IoUring implements AutoCloseable {
    /** Largest SQ size the kernel accepts without {@link IoUringBuilder#clamp()} (IORING_MAX_ENTRIES). */
    public static final int MAX_ENTRIES = 32768;

    static final long TAG_PREFIX = 0x5257L << 48;
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
    private final RingEnter enter;
    private final AtomicBoolean closed = new AtomicBoolean();
    private FileTable files;
    private BufferTable buffers;
    private final List<FileDropListener> dropListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private IoUring(int fd, RingParams p, IoUringBuilder b, RingMemory memory, Arena scratch) {
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
        this.enter = new RingEnter(fd, sq, cq, setupFlags, scratch);
    }

    public static IoUringBuilder builder() {
        return new IoUringBuilder();
    }

    /**
     * Sets up a ring as {@code b} describes. Every ring comes out of here (instrumentation point).
     */
    static IoUring open(IoUringBuilder b) {
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
        long r = Native.syscall(errno, Native.SYS_IO_URING_SETUP, b.entries, p.address(), 0, 0, 0, 0);
        if (r < 0) {
            int e = Native.errno(errno);
            throw new IoUringException(b.describeSetup(flags, wqFd), e, b.setupHint(e, flags));
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

    /** The ring given to {@link IoUringBuilder#attachWq(IoUring)}, or null. */
    public IoUring attachedTo() {
        return attachedTo;
    }

    /**
     * The object whose life bounds this ring: the one given to {@link IoUringBuilder#owner(Object)} (held weakly,
     * so null once it was collected) or this ring itself.
     */
    public Object owner() {
        return owner == null ? this : owner.get();
    }

    /** True when {@link IoUringBuilder#owner(Object)} named an owner other than the ring. */
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
        return enter.submitAndWait(minComplete);
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
        return enter.submitAndWait(minComplete, timeout);
    }

    /** Under SQPOLL, blocks until the kernel thread has made room in the SQ (IORING_ENTER_SQ_WAIT). */
    public void awaitSqSpace() {
        ensureOpen();
        enter.awaitSqSpace();
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
        if (enter.needsGetEvents() && cq.ready() == 0) {
            enter.getEvents();
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
}
