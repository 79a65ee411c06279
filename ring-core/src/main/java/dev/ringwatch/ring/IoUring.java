package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An io_uring instance: its fd, the mmap'd submission and completion rings, and optionally a
 * fixed-file table and registered buffers. {@code IoUring.builder().entries(64).build()} makes one;
 * the package documentation shows complete programs.
 *
 * <h2>One thread at a time</h2>
 * A ring is not thread-safe: use it from one thread at a time (handing it over through a lock or a
 * queue is fine). Two threads preparing or reaping at once corrupt the queues silently. To find such
 * misuse, build the ring with {@link IoUringBuilder#checkThreads()} (or run with
 * {@code -Ddev.ringwatch.ring.checkThreads=true}): calls that overlap from two threads then fail with
 * an {@link IllegalStateException} naming both threads. Three calls are safe from any thread at any
 * time: {@link #wakeup()}, {@link #close()} and {@link #isClosed()}.
 *
 * <h2>Closing</h2>
 * {@link #close()} from another thread while the ring is in use never lets a system call reach the
 * closed fd: a call already inside the kernel finishes first (the fd is closed when it returns), a
 * thread waiting for completions returns within about 20 ms, and every later call throws an
 * {@link IllegalStateException} saying the ring is closed; an SQE prep or reap racing the close touches
 * harmless memory left in the ring's place (freed at the next call or when the ring is unreachable).
 * ring-core never closes a ring on its own:
 * a ring dropped without {@link #close()} keeps its fd, its mappings and (SQPOLL) its kernel thread
 * until the process exits, so that a forgotten ring stays visible (the ringwatch agent reports it).
 *
 * <h2>Reserved user data</h2>
 * User data whose top 16 bits are {@code 0x5257} is reserved for resource-tag completions (the kernel's
 * confirmation that a fixed-file slot's file was dropped); {@link Sqe#userData(long)} rejects it and
 * such completions go to {@link FileDropListener}s, never to a {@link CompletionHandler}.
 */
public final class IoUring extends RingDescription implements AutoCloseable {
    /** Largest SQ size the kernel accepts without {@link IoUringBuilder#clamp()} (IORING_MAX_ENTRIES). */
    public static final int MAX_ENTRIES = 32768;

    static final long TAG_PREFIX = 0x5257L << 48;

    private final FileIdentity identity;
    private final SubmissionQueue sq;
    private final CompletionQueue cq;
    private final Sqe[] sqes;
    private final RingState state = new RingState();
    final RingTeardown teardown; // package-private for the close tests
    private final RingEnter enter;
    private final RingFdRegistration ringFd;
    private final CompletionReaper reaper;
    private final ThreadCheck threads;
    private FileTable files;
    private BufferTable buffers;
    private final List<FileDropListener> dropListeners = new CopyOnWriteArrayList<>();

    private IoUring(RingSetup setup, IoUringBuilder b) {
        super(setup.fd(), setup.params(), b, setup.memory());
        this.identity = setup.identity();
        this.teardown = new RingTeardown(memory);
        RingParams p = setup.params();
        this.sq = new SubmissionQueue(memory, p, setupFlags);
        this.cq = new CompletionQueue(memory, p, setupFlags);
        this.sqes = new Sqe[sq.entries];
        this.ringFd = b.registerRingFd ? RingFdRegistration.register(fd) : RingFdRegistration.NONE;
        this.enter = new RingEnter(fd, ringFd, sq, cq, state, setupFlags, p.features(), toString(), setup.scratch());
        this.reaper = new CompletionReaper(this, sq, cq, enter.needsGetEvents());
        this.threads = b.checkThreads || Boolean.getBoolean(ThreadCheck.PROPERTY) ? new ThreadCheck(toString()) : null;
    }

    /** {@return a builder for a new ring (64 SQ entries, no setup flags)} */
    public static IoUringBuilder builder() {
        return new IoUringBuilder();
    }

    /** Sets up a ring as {@code b} describes. Every ring comes out of here (instrumentation point). */
    static IoUring open(IoUringBuilder b) {
        return new IoUring(RingSetup.of(b), b);
    }

    // ---- submission ----------------------------------------------------------------------------------

    /**
     * The next free SQE, zeroed. Each SQ entry has its own {@link Sqe} handle, so a handle kept while the
     * next one is prepared still writes into its own entry; a handle is yours until the submit that
     * publishes it (the same object comes back when its entry is reused).
     *
     * @return the SQE to prepare
     * @throws SubmissionQueueFullException when every SQE is queued and not yet consumed
     */
    public Sqe nextSqe() {
        ensureOpen();
        boolean checked = threads != null && threads.enter();
        try {
            return claimSqe();
        } finally {
            if (checked) {
                threads.exit();
            }
        }
    }

    private Sqe claimSqe() {
        int index = sq.claim();
        if (index < 0) {
            ensureOpen(); // a ring closed by another thread reads as full
            throw new SubmissionQueueFullException(toString(), sq.entries);
        }
        Sqe s = sqes[index];
        if (s == null) {
            s = sqes[index] = new Sqe(this, sq.sqes, (long) index << sq.sqeShift, sq.sqeShift == 7);
        }
        return s.reset();
    }

    /** {@return free SQEs} */
    public int sqSpaceLeft() {
        ensureOpen();
        return sq.spaceLeft();
    }

    /** {@return how many queued SQEs the kernel took (under SQPOLL: how many were published)} Submits them. */
    public int submit() {
        return submitAndWait(0);
    }

    /**
     * Submits the queued SQEs and waits until at least {@code minComplete} completions are ready, or until
     * {@link #wakeup()} was called.
     *
     * @param minComplete completions to wait for; 0 submits only
     * @return how many SQEs the kernel took (under SQPOLL: how many were published), not how many completed
     * @throws IllegalStateException when the ring is closed, also by another thread during the wait
     */
    public int submitAndWait(int minComplete) {
        return submit(minComplete, RingEnter.NO_DEADLINE);
    }

    /**
     * Like {@link #submitAndWait(int)} but gives up after {@code timeout}: returns normally, with fewer
     * completions ready, when the time ran out; {@link #awaitCompletions} says whether it did.
     *
     * @param minComplete completions to wait for
     * @param timeout     how long to wait at most
     * @return how many SQEs the kernel took (under SQPOLL: how many were published)
     */
    public int submitAndWait(int minComplete, Duration timeout) {
        return submit(minComplete, RingEnter.deadlineAfter(timeout));
    }

    /**
     * Submits the queued SQEs and waits up to {@code timeout} until {@code minComplete} completions are ready.
     *
     * @param minComplete completions to wait for
     * @param timeout     how long to wait at most
     * @return true when they are ready; false when the time ran out or {@link #wakeup()} ended the wait
     */
    public boolean awaitCompletions(int minComplete, Duration timeout) {
        submit(minComplete, RingEnter.deadlineAfter(timeout));
        return enter.lastWait() == RingEnter.WAIT_DONE;
    }

    private int submit(int minComplete, long deadline) {
        RingEnter.checkMinComplete(minComplete);
        ensureOpen();
        boolean checked = threads != null && threads.enter();
        acquire();
        try {
            return enter.submitAndWait(minComplete, deadline);
        } finally {
            release();
            if (checked) {
                threads.exit();
            }
        }
    }

    /**
     * Makes a thread blocked in a wait of this ring return early (within about 20 ms), or the next wait
     * return at once if none is waiting. Thread-safe: the way to stop a ring's thread for shutdown.
     */
    public void wakeup() {
        state.requestWakeup();
    }

    /** Under SQPOLL, blocks until the kernel thread has made room in the SQ (IORING_ENTER_SQ_WAIT). */
    public void awaitSqSpace() {
        ensureOpen();
        acquire();
        try {
            enter.awaitSqSpace();
        } finally {
            release();
        }
    }

    // ---- completion ----------------------------------------------------------------------------------

    /** {@return completions ready to be reaped} */
    public int cqReady() {
        ensureOpen();
        return cq.ready();
    }

    /**
     * Hands every ready completion to {@code handler}. Resource-tag completions go to
     * {@link FileDropListener}s instead. If the handler throws, the completions before it stay consumed
     * and the failing one is consumed too: none is seen twice. The handler may prepare and submit new
     * SQEs (e.g. re-arm a multishot request whose flags lack {@link CqeFlags#MORE}), but must not reap:
     * a nested reap throws {@link IllegalStateException}.
     *
     * @param handler receives each completion
     * @return how many completions the handler saw
     */
    public int forEachCompletion(CompletionHandler handler) {
        return reap(Objects.requireNonNull(handler, "handler"), null, Integer.MAX_VALUE);
    }

    /**
     * Like {@link #forEachCompletion(CompletionHandler)} for rings built with {@code cqe32()}.
     *
     * @param handler receives each completion with its 16 extra bytes
     * @return how many completions the handler saw
     */
    public int forEachCompletion(BigCompletionHandler handler) {
        if ((setupFlags & SetupFlags.CQE32) == 0) {
            throw new IllegalStateException(this + " has 16-byte CQEs: build it with cqe32() to read big completions");
        }
        return reap(null, Objects.requireNonNull(handler, "handler"), Integer.MAX_VALUE);
    }

    /**
     * Hands one ready completion, if there is one, to {@code handler} without waiting.
     *
     * @param handler receives the completion
     * @return true when a completion was handed over
     */
    public boolean peekCompletion(CompletionHandler handler) {
        return reap(Objects.requireNonNull(handler, "handler"), null, 1) == 1;
    }

    /**
     * Submits what is queued, waits up to {@code timeout} for one completion and hands it to {@code handler}.
     *
     * @param handler receives the completion
     * @param timeout how long to wait at most
     * @return true when a completion was handed over; false when the time ran out or {@link #wakeup()} ended the wait
     */
    public boolean waitCompletion(CompletionHandler handler, Duration timeout) {
        return peekCompletion(handler) || (awaitCompletions(1, timeout) && peekCompletion(handler));
    }

    private int reap(CompletionHandler small, BigCompletionHandler big, int max) {
        ensureOpen();
        boolean checked = threads != null && threads.enter();
        try {
            return reaper.reap(small, big, max);
        } catch (IllegalStateException e) {
            throw isClosed() && !String.valueOf(e.getMessage()).contains(toString()) ? closedException(e) : e;
        } finally {
            if (checked) {
                threads.exit();
            }
        }
    }

    /** Enters the kernel to run deferred task work and flush overflowed completions (for the reaper). */
    void getEvents() {
        acquire();
        try {
            enter.getEvents();
        } finally {
            release();
        }
    }

    /**
     * {@return how many completions the kernel dropped because the CQ was full (the ring's overflow
     * counter); with IORING_FEAT_NODROP the kernel keeps them instead, see {@link #cqOverflowPending()}}
     */
    public int cqOverflow() {
        ensureOpen();
        return cq.overflow();
    }

    /**
     * {@return whether the kernel holds completions that did not fit the CQ (IORING_SQ_CQ_OVERFLOW);
     * the next reap moves them into the CQ}
     */
    public boolean cqOverflowPending() {
        ensureOpen();
        return (sq.flags() & SubmissionQueue.CQ_OVERFLOW) != 0;
    }

    // ---- fixed files, buffers, probe ------------------------------------------------------------------

    /**
     * Registers a sparse fixed-file table with resource tags, so that the kernel confirms each dropped
     * file. One table per ring; at most RLIMIT_NOFILE slots.
     *
     * @param size number of slots, 1 to {@link FileTable#MAX_SLOTS}
     * @return the table
     */
    public FileTable registerFiles(int size) {
        ensureOpen();
        if (files != null) {
            throw new IllegalStateException(this + " already has a fixed-file table of " + files.size() + " slots");
        }
        files = new FileTable(this, size);
        return files;
    }

    /** {@return the fixed-file table, or null before {@link #registerFiles(int)}} */
    public FileTable files() {
        return files;
    }

    /**
     * Registers buffers for read_fixed/write_fixed; index i in the table is {@code segments[i]}.
     *
     * @param segments native buffers; pinned memory counts against RLIMIT_MEMLOCK
     * @return the table
     */
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

    /** {@return which operations the running kernel supports} */
    public Probe probe() {
        ensureOpen();
        return Probe.of(this);
    }

    /**
     * Adds a listener for the kernel's confirmation that a slot's file was dropped.
     * @param listener the listener
     */
    public void addFileDropListener(FileDropListener listener) {
        dropListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes a listener added before.
     * @param listener the listener
     */
    public void removeFileDropListener(FileDropListener listener) {
        dropListeners.remove(listener);
    }

    List<FileDropListener> dropListeners() {
        return dropListeners;
    }

    /** io_uring_register on this ring; throws {@link IoUringException} naming {@code what}. */
    int register(int opcode, long arg, int nrArgs, String what) {
        ensureOpen();
        acquire();
        try {
            return enter.register(opcode, arg, nrArgs, what);
        } finally {
            release();
        }
    }

    // ---- close ---------------------------------------------------------------------------------------

    /**
     * {@return whether the ring's fd is registered with the kernel for the thread that built the ring
     * ({@link IoUringBuilder#registerRingFd()}); false again once that thread has dropped it after close}
     */
    public boolean isRingFdRegistered() {
        return ringFd.isRegistered();
    }

    /** {@return whether {@link #close()} was called} */
    public boolean isClosed() {
        return state.isClosed();
    }

    /**
     * Closes the ring: unmaps its memory and closes its fd, now or, if another thread is inside a call on
     * the ring, when that call returns. Idempotent and safe from any thread. If the fd number no longer
     * refers to this ring (fstat: not the inode it had at set-up; the application closed it behind
     * ring-core's back and the number may have been reused by another file), the ring's memory is still
     * unmapped but the fd is left alone, and a WARNING of the {@code dev.ringwatch.ring}
     * {@link System.Logger} says so.
     */
    @Override
    public void close() {
        if (state.markClosed()) {
            closeResources();
        }
    }

    private void acquire() {
        int r = state.acquire();
        if (r != RingState.ACQUIRED) {
            if (r == RingState.REFUSED_RELEASE) {
                closeResources();
            }
            throw closedException(null);
        }
    }

    private void release() {
        if (state.release()) {
            closeResources();
        }
    }

    /**
     * Runs once per ring (instrumentation point), when no call uses the fd any more: detach the memory from
     * the ring file (unmapped now or later: RingTeardown says why, JDK-8364167), then close the fd if still ours.
     */
    private void closeResources() {
        try {
            ringFd.dropIfHere();
            teardown.detach(this);
        } finally {
            FileIdentity.closeIfStill(identity, fd, toString());
        }
    }

    RingState state() {
        return state;
    }

    /** Throws when the ring is closed; the calling thread becomes the ring's user (RingTeardown). */
    void ensureOpen() {
        if (teardown.closedFor(Thread.currentThread(), state)) {
            ringFd.dropIfHere(); // closed on another thread: only the registering thread can drop it
            throw closedException(null);
        }
    }

    private IllegalStateException closedException(Throwable cause) {
        return new IllegalStateException(this + " is closed", cause);
    }
}
