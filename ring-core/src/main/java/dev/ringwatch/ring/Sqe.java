package dev.ringwatch.ring;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * A flyweight over one submission queue entry, handed out zeroed by {@link IoUring#nextSqe()}. Each
 * prep method sets the opcode and its required arguments and returns this SQE, so options chain:
 * {@code ring.nextSqe().recv(conn, buf, 0).userData(7).link()}. Operations on a fixed-file slot take
 * a {@link FixedFile}, never a raw int, so a slot index cannot be mistaken for an fd.
 *
 * <p>Memory handed to an operation (buffers, paths, addresses) must stay valid until its completion.
 */
public final class Sqe {
    /** Ask the kernel to choose a free slot ({@code IORING_FILE_INDEX_ALLOC}); see {@link FileTable#reserveForKernel}. */
    public static final int ALLOC_SLOT = -1;

    // struct io_uring_sqe as 64-bit words (little-endian):
    // w0 opcode|flags<<8|ioprio<<16|fd<<32, w1 off, w2 addr, w3 len|op_flags<<32, w4 user_data,
    // w5 buf_index|personality<<16|file_index<<32, w6 addr3, w7 pad; SQE128 adds w8..w15.
    private static final int W_HEAD = 0, W_OFF = 1, W_ADDR = 2, W_LEN = 3, W_USER_DATA = 4, W_INDEX = 5;
    private static final long ADDR3 = 48;
    private static final int IOSQE_FIXED_FILE = 1, IOSQE_IO_DRAIN = 2, IOSQE_IO_LINK = 4, IOSQE_IO_HARDLINK = 8,
            IOSQE_ASYNC = 16;
    private static final int POLL_ADD_MULTI = 1, ACCEPT_MULTISHOT = 1, FSYNC_DATASYNC = 1;
    private static final int FILE_INDEX_ALLOC = 0xFFFFFFFF;
    private static final int AT_FDCWD = -100;
    private static final long LOW32 = 0xFFFF_FFFFL;

    private final IoUring ring;
    private final MemorySegment sqes;
    private final boolean big;
    /** Byte offset of the current entry in {@link #sqes}. */
    private long base;

    Sqe(IoUring ring, MemorySegment sqes, boolean big) {
        this.ring = ring;
        this.sqes = sqes;
        this.big = big;
    }

    /*
     * Fields are written straight into the ring: the kernel reads an entry only after the SQ tail
     * that covers it is published, so a half-built entry is never seen. Every access goes through a
     * fixed-size slice of the entry, so the JIT checks bounds and liveness once per slice instead of
     * once per store (a checked store cost about 1.5 ns, eight of them most of a NOP's user time).
     */

    /** Starts a new zeroed entry at {@code offset}. */
    Sqe reset(long offset) {
        base = offset;
        if (big) {
            zero(sqes.asSlice(offset + 64, 64));
        }
        zero(entry());
        return this;
    }

    private static void zero(MemorySegment s) {
        // Head and user data last: the JIT then drops these two stores when a prep and userData()
        // overwrite them right away, and reads the zeroed head back without a load.
        s.set(JAVA_LONG_UNALIGNED, 56, 0L);
        s.set(JAVA_LONG_UNALIGNED, 48, 0L);
        s.set(JAVA_LONG_UNALIGNED, 40, 0L);
        s.set(JAVA_LONG_UNALIGNED, 24, 0L);
        s.set(JAVA_LONG_UNALIGNED, 16, 0L);
        s.set(JAVA_LONG_UNALIGNED, 8, 0L);
        s.set(JAVA_LONG_UNALIGNED, 32, 0L);
        s.set(JAVA_LONG_UNALIGNED, 0, 0L);
    }

    /** The first 64 bytes of the current entry, where every typed field lies. */
    private MemorySegment entry() {
        return sqes.asSlice(base, 64);
    }

    private long get(int index) {
        return entry().get(JAVA_LONG_UNALIGNED, 8L * index);
    }

    private void word(int index, long value) {
        entry().set(JAVA_LONG_UNALIGNED, 8L * index, value);
    }

    private Sqe prep(int opcode, int fd, long addr, int len, long off) {
        word(W_HEAD, (get(W_HEAD) & 0xFFFF_FF00L) | (opcode & 0xFF) | ((long) fd << 32));
        word(W_OFF, off);
        word(W_ADDR, addr);
        word(W_LEN, (get(W_LEN) & ~LOW32) | (len & LOW32));
        return this;
    }

    private Sqe prepFixed(int opcode, FixedFile file, long addr, int len, long off) {
        prep(opcode, file.checkedSlot(ring), addr, len, off);
        return setFlag(IOSQE_FIXED_FILE);
    }

    private Sqe opFlags(int flags) {
        word(W_LEN, (get(W_LEN) & LOW32) | ((long) flags << 32));
        return this;
    }

    private Sqe ioprio(int value) {
        word(W_HEAD, (get(W_HEAD) & ~0xFFFF_0000L) | ((long) (value & 0xFFFF) << 16));
        return this;
    }

    private Sqe fileIndex(int slot) {
        if (slot != ALLOC_SLOT && slot < 0) {
            throw new IllegalArgumentException("slot must be >= 0 or Sqe.ALLOC_SLOT, got " + slot);
        }
        int index = slot == ALLOC_SLOT ? FILE_INDEX_ALLOC : slot + 1;
        word(W_INDEX, (get(W_INDEX) & LOW32) | ((long) index << 32));
        return this;
    }

    private Sqe setFlag(int flag) {
        word(W_HEAD, get(W_HEAD) | ((long) (flag & 0xFF) << 8));
        return this;
    }

    private static int checkFd(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("fd must be >= 0, got " + fd);
        }
        return fd;
    }

    private static int len(MemorySegment buf) {
        if (buf.byteSize() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buffer larger than 2 GiB: " + buf.byteSize() + " bytes");
        }
        return (int) buf.byteSize();
    }

    private static long addr(MemorySegment seg) {
        if (!seg.isNative()) {
            throw new IllegalArgumentException("io_uring needs native memory (Arena.allocate), got a heap segment");
        }
        return seg.address();
    }

    // ---- common fields --------------------------------------------------------------------------------

    /**
     * The value handed back with this SQE's completion. Values whose top 16 bits are 0x5257 are reserved
     * for ring-core's resource tags.
     */
    public Sqe userData(long userData) {
        if ((userData & 0xFFFF_0000_0000_0000L) == IoUring.TAG_PREFIX) {
            throw new IllegalArgumentException("user data 0x" + Long.toHexString(userData)
                    + " is reserved (top 16 bits 0x5257 mark resource-tag completions)");
        }
        word(W_USER_DATA, userData);
        return this;
    }

    /** The next SQE runs only after this one succeeds (IOSQE_IO_LINK). */
    public Sqe link() {
        return setFlag(IOSQE_IO_LINK);
    }

    /** The next SQE runs after this one whatever its result (IOSQE_IO_HARDLINK). */
    public Sqe hardLink() {
        return setFlag(IOSQE_IO_HARDLINK);
    }

    /** Runs after every earlier SQE has completed (IOSQE_IO_DRAIN). */
    public Sqe drain() {
        return setFlag(IOSQE_IO_DRAIN);
    }

    /** Goes straight to an async worker instead of trying non-blocking first (IOSQE_ASYNC). */
    public Sqe async() {
        return setFlag(IOSQE_ASYNC);
    }

    /** The raw IOSQE_* flags byte. */
    public int flags() {
        return (int) (get(W_HEAD) >>> 8) & 0xFF;
    }

    /** The opcode of this SQE. */
    public int opcode() {
        return (int) get(W_HEAD) & 0xFF;
    }

    /**
     * The command area of a 128-byte SQE (80 bytes from offset 48), e.g. for IORING_OP_URING_CMD.
     */
    public MemorySegment cmd() {
        if (!big) {
            throw new IllegalStateException("cmd() needs a ring built with sqe128()");
        }
        return sqes.asSlice(base + ADDR3, 80);
    }

    /** All bytes of this SQE (64, or 128 with sqe128()), for operations without a typed prep. */
    public MemorySegment raw() {
        return sqes.asSlice(base, big ? 128 : 64);
    }

    // ---- operations -----------------------------------------------------------------------------------

    public Sqe nop() {
        // A NOP reads none of off, addr or len: leave them as reset() zeroed them.
        word(W_HEAD, (get(W_HEAD) & 0xFFFF_FF00L) | Opcode.NOP | (-1L << 32));
        return this;
    }

    /** read(2) at {@code offset} (-1: the file position) into {@code buf}. */
    public Sqe read(int fd, MemorySegment buf, long offset) {
        return prep(Opcode.READ, checkFd(fd), addr(buf), len(buf), offset);
    }

    public Sqe read(FixedFile file, MemorySegment buf, long offset) {
        return prepFixed(Opcode.READ, file, addr(buf), len(buf), offset);
    }

    public Sqe write(int fd, MemorySegment buf, long offset) {
        return prep(Opcode.WRITE, checkFd(fd), addr(buf), len(buf), offset);
    }

    public Sqe write(FixedFile file, MemorySegment buf, long offset) {
        return prepFixed(Opcode.WRITE, file, addr(buf), len(buf), offset);
    }

    /** readv(2): {@code iovecs} holds {@code count} struct iovec (see {@link Iovecs}). */
    public Sqe readv(int fd, MemorySegment iovecs, int count, long offset) {
        return prep(Opcode.READV, checkFd(fd), addr(iovecs), Iovecs.checkCount(iovecs, count), offset);
    }

    public Sqe writev(int fd, MemorySegment iovecs, int count, long offset) {
        return prep(Opcode.WRITEV, checkFd(fd), addr(iovecs), Iovecs.checkCount(iovecs, count), offset);
    }

    /** Read into registered buffer {@code bufIndex}; {@code buf} must lie inside it. */
    public Sqe readFixed(int fd, MemorySegment buf, long offset, int bufIndex) {
        prep(Opcode.READ_FIXED, checkFd(fd), addr(buf), len(buf), offset);
        return bufIndex(bufIndex, buf);
    }

    public Sqe readFixed(FixedFile file, MemorySegment buf, long offset, int bufIndex) {
        prepFixed(Opcode.READ_FIXED, file, addr(buf), len(buf), offset);
        return bufIndex(bufIndex, buf);
    }

    public Sqe writeFixed(int fd, MemorySegment buf, long offset, int bufIndex) {
        prep(Opcode.WRITE_FIXED, checkFd(fd), addr(buf), len(buf), offset);
        return bufIndex(bufIndex, buf);
    }

    public Sqe writeFixed(FixedFile file, MemorySegment buf, long offset, int bufIndex) {
        prepFixed(Opcode.WRITE_FIXED, file, addr(buf), len(buf), offset);
        return bufIndex(bufIndex, buf);
    }

    private Sqe bufIndex(int index, MemorySegment buf) {
        BufferTable table = ring.bufferTable();
        if (table == null) {
            throw new IllegalStateException("read_fixed/write_fixed need registerBuffers(..) on " + ring);
        }
        table.check(index, buf);
        word(W_INDEX, (get(W_INDEX) & ~0xFFFFL) | (index & 0xFFFF));
        return this;
    }

    public Sqe fsync(int fd) {
        return prep(Opcode.FSYNC, checkFd(fd), 0, 0, 0);
    }

    /** fdatasync semantics (IORING_FSYNC_DATASYNC). */
    public Sqe fdatasync(int fd) {
        return prep(Opcode.FSYNC, checkFd(fd), 0, 0, 0).opFlags(FSYNC_DATASYNC);
    }

    /** openat(2); {@code path} is a NUL-terminated string (Arena.allocateFrom). {@code dirfd} -100 = cwd. */
    public Sqe openat(int dirfd, MemorySegment path, int openFlags, int mode) {
        if (dirfd < 0 && dirfd != AT_FDCWD) {
            throw new IllegalArgumentException("dirfd must be >= 0 or AT_FDCWD (-100), got " + dirfd);
        }
        return prep(Opcode.OPENAT, dirfd, addr(path), mode, 0).opFlags(openFlags);
    }

    /** openat straight into fixed slot {@code slot} ({@link #ALLOC_SLOT}: the kernel picks, result = slot). */
    public Sqe openatDirect(int dirfd, MemorySegment path, int openFlags, int mode, int slot) {
        return openat(dirfd, path, openFlags, mode).fileIndex(slot);
    }

    public Sqe close(int fd) {
        return prep(Opcode.CLOSE, checkFd(fd), 0, 0, 0);
    }

    /**
     * Closes the file in a fixed slot. Prefer {@link FixedFile#close()}, which also tells the table;
     * this is for slots the kernel filled that the application never adopted.
     */
    public Sqe closeFixed(int slot) {
        if (slot < 0) {
            throw new IllegalArgumentException("slot must be >= 0, got " + slot);
        }
        return prep(Opcode.CLOSE, 0, 0, 0, 0).fileIndex(slot);
    }

    /** One-shot poll for {@code events} (POLLIN=1, POLLOUT=4, ...). */
    public Sqe pollAdd(int fd, int events) {
        return prep(Opcode.POLL_ADD, checkFd(fd), 0, 0, 0).opFlags(events);
    }

    public Sqe pollAdd(FixedFile file, int events) {
        return prepFixed(Opcode.POLL_ADD, file, 0, 0, 0).opFlags(events);
    }

    /** Multishot poll: one completion per readiness event, flagged {@link CqeFlags#MORE} while armed. */
    public Sqe pollMultishot(int fd, int events) {
        return prep(Opcode.POLL_ADD, checkFd(fd), 0, POLL_ADD_MULTI, 0).opFlags(events);
    }

    public Sqe pollMultishot(FixedFile file, int events) {
        return prepFixed(Opcode.POLL_ADD, file, 0, POLL_ADD_MULTI, 0).opFlags(events);
    }

    /** Removes the poll whose user data is {@code targetUserData}. */
    public Sqe pollRemove(long targetUserData) {
        return prep(Opcode.POLL_REMOVE, -1, targetUserData, 0, 0);
    }

    /**
     * accept4(2). {@code addr}/{@code addrLen} may be {@link MemorySegment#NULL}; {@code addrLen} holds a
     * socklen_t with the size of {@code addr}.
     */
    public Sqe accept(int fd, MemorySegment addr, MemorySegment addrLen, int flags) {
        return prep(Opcode.ACCEPT, checkFd(fd), nullable(addr), 0, nullable(addrLen)).opFlags(flags);
    }

    public Sqe accept(FixedFile listener, MemorySegment addr, MemorySegment addrLen, int flags) {
        return prepFixed(Opcode.ACCEPT, listener, nullable(addr), 0, nullable(addrLen)).opFlags(flags);
    }

    /** Multishot accept: one completion per connection while {@link CqeFlags#MORE} is set. */
    public Sqe acceptMultishot(int fd, int flags) {
        return prep(Opcode.ACCEPT, checkFd(fd), 0, 0, 0).opFlags(flags).ioprio(ACCEPT_MULTISHOT);
    }

    public Sqe acceptMultishot(FixedFile listener, int flags) {
        return prepFixed(Opcode.ACCEPT, listener, 0, 0, 0).opFlags(flags).ioprio(ACCEPT_MULTISHOT);
    }

    /** Accept into fixed slot {@code slot} ({@link #ALLOC_SLOT}: the kernel picks, result = slot). */
    public Sqe acceptDirect(int fd, int flags, int slot) {
        return prep(Opcode.ACCEPT, checkFd(fd), 0, 0, 0).opFlags(flags).fileIndex(slot);
    }

    public Sqe acceptDirect(FixedFile listener, int flags, int slot) {
        return prepFixed(Opcode.ACCEPT, listener, 0, 0, 0).opFlags(flags).fileIndex(slot);
    }

    /** Multishot accept into kernel-chosen slots: each completion's result is the slot it filled. */
    public Sqe acceptMultishotDirect(int fd, int flags) {
        return acceptMultishot(fd, flags).fileIndex(ALLOC_SLOT);
    }

    public Sqe acceptMultishotDirect(FixedFile listener, int flags) {
        return acceptMultishot(listener, flags).fileIndex(ALLOC_SLOT);
    }

    /** connect(2) to the sockaddr in {@code addr}. */
    public Sqe connect(int fd, MemorySegment addr) {
        return prep(Opcode.CONNECT, checkFd(fd), addr(addr), 0, len(addr));
    }

    public Sqe connect(FixedFile file, MemorySegment addr) {
        return prepFixed(Opcode.CONNECT, file, addr(addr), 0, len(addr));
    }

    public Sqe recv(int fd, MemorySegment buf, int msgFlags) {
        return prep(Opcode.RECV, checkFd(fd), addr(buf), len(buf), 0).opFlags(msgFlags);
    }

    public Sqe recv(FixedFile file, MemorySegment buf, int msgFlags) {
        return prepFixed(Opcode.RECV, file, addr(buf), len(buf), 0).opFlags(msgFlags);
    }

    public Sqe send(int fd, MemorySegment buf, int msgFlags) {
        return prep(Opcode.SEND, checkFd(fd), addr(buf), len(buf), 0).opFlags(msgFlags);
    }

    public Sqe send(FixedFile file, MemorySegment buf, int msgFlags) {
        return prepFixed(Opcode.SEND, file, addr(buf), len(buf), 0).opFlags(msgFlags);
    }

    /** shutdown(2); {@code how}: 0 read, 1 write, 2 both. */
    public Sqe shutdown(int fd, int how) {
        return prep(Opcode.SHUTDOWN, checkFd(fd), 0, how, 0);
    }

    public Sqe shutdown(FixedFile file, int how) {
        return prepFixed(Opcode.SHUTDOWN, file, 0, how, 0);
    }

    /** socket(2); the result is the new fd. */
    public Sqe socket(int domain, int type, int protocol) {
        return prep(Opcode.SOCKET, domain, 0, protocol, type);
    }

    /** socket(2) straight into fixed slot {@code slot} ({@link #ALLOC_SLOT}: kernel picks, result = slot). */
    public Sqe socketDirect(int domain, int type, int protocol, int slot) {
        return socket(domain, type, protocol).fileIndex(slot);
    }

    /**
     * Completes after {@code timespec} ({@link Timespec}) elapses or {@code count} other completions
     * arrive (0: time only). {@code timeoutFlags} 1 = absolute time.
     */
    public Sqe timeout(MemorySegment timespec, int count, int timeoutFlags) {
        return prep(Opcode.TIMEOUT, -1, addr(Timespec.check(timespec)), 1, count).opFlags(timeoutFlags);
    }

    /** Cancels the SQE linked before this one if it has not completed within {@code timespec}. */
    public Sqe linkTimeout(MemorySegment timespec, int timeoutFlags) {
        return prep(Opcode.LINK_TIMEOUT, -1, addr(Timespec.check(timespec)), 1, 0).opFlags(timeoutFlags);
    }

    /** Cancels the request whose user data is {@code targetUserData}. */
    public Sqe asyncCancel(long targetUserData, int cancelFlags) {
        return prep(Opcode.ASYNC_CANCEL, -1, targetUserData, 0, 0).opFlags(cancelFlags);
    }

    private static long nullable(MemorySegment seg) {
        return seg == null || seg.equals(MemorySegment.NULL) ? 0 : addr(seg);
    }
}
