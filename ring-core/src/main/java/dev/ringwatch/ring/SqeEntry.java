package dev.ringwatch.ring;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * How one submission queue entry is laid out and written, and the fields every operation shares (user
 * data, link and drain flags); {@link Sqe}, its only subclass, adds the operations.
 */
abstract sealed class SqeEntry permits SqeFileOps {
    // struct io_uring_sqe as 64-bit words (little-endian):
    // w0 opcode|flags<<8|ioprio<<16|fd<<32, w1 off, w2 addr, w3 len|op_flags<<32, w4 user_data,
    // w5 buf_index|personality<<16|file_index<<32, w6 addr3, w7 pad; SQE128 adds w8..w15.
    static final int W_HEAD = 0, W_OFF = 1, W_ADDR = 2, W_LEN = 3, W_USER_DATA = 4, W_INDEX = 5;
    static final long ADDR3 = 48;
    static final int IOSQE_FIXED_FILE = 1, IOSQE_IO_DRAIN = 2, IOSQE_IO_LINK = 4, IOSQE_IO_HARDLINK = 8,
            IOSQE_ASYNC = 16;
    static final int FILE_INDEX_ALLOC = 0xFFFFFFFF;
    static final long LOW32 = 0xFFFF_FFFFL;
    /** 56 zero bytes: what {@link #zero} copies over every word but the head. */
    private static final MemorySegment ZEROS = MemorySegment.ofArray(new long[7]);

    private final boolean big;
    /** Every SQE of the ring; this handle's entry starts at {@link #base}. */
    private final MemorySegment sqes;
    private final long base;

    /*
     * One handle per SQ entry, bound to it for the ring's life: a handle kept while the next one is
     * prepared still writes into its own entry. Fields are written straight into the ring: the kernel
     * reads an entry only after the SQ tail that covers it is published, so a half-built entry is never
     * seen. Every access goes through a fixed-size slice of the entry made on the spot from the
     * ring's segment (a final field) and a constant size: the JIT then folds the bounds checks, which
     * a slice kept in a field of its own does not allow (measured: about 5 ns more per NOP).
     */
    SqeEntry(MemorySegment sqes, long offset, boolean big) {
        this.big = big;
        this.sqes = sqes;
        this.base = offset;
    }

    /** Zeroes the entry for a new operation. */
    final Sqe reset() {
        try {
            if (big) {
                zero(sqes.asSlice(base + 64, 64));
            }
            zero(entry());
        } catch (IllegalStateException e) {
            throw closed(e);
        }
        return (Sqe) this;
    }

    private static void zero(MemorySegment s) {
        // One 56-byte copy (below the JDK's 64-byte threshold it is a loop of long stores, parsed once)
        // instead of seven stores written out, each of which adds ~650 nodes to the caller's compilation:
        // a user's round trip ran out of C2's inlining budget (NodeCountInliningCutoff) before the
        // completion handler and the CQ head store, which stayed calls into other code pages. Measured:
        // NOP batch 32 +4-7% against a library-less loop in the same JVM; batch 1 unchanged.
        MemorySegment.copy(ZEROS, 0, s, 8, 56);
        // The head last: a prep overwrites it right away, so the JIT drops this store and reads the zero back.
        s.set(JAVA_LONG_UNALIGNED, 0, 0L);
    }

    final long get(int index) {
        try {
            return entry().get(JAVA_LONG_UNALIGNED, 8L * index);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    final void word(int index, long value) {
        try {
            entry().set(JAVA_LONG_UNALIGNED, 8L * index, value);
        } catch (IllegalStateException e) {
            throw closed(e);
        }
    }

    /** The ring memory was unmapped under this handle: say which ring, not the FFM's "Already closed". */
    private IllegalStateException closed(IllegalStateException e) {
        IoUring ring = ring();
        return ring.isClosed()
                ? new IllegalStateException("this Sqe belongs to " + ring + ", which is closed: take SQEs from an open ring", e)
                : e;
    }

    final Sqe prep(int opcode, int fd, long addr, int len, long off) {
        word(W_HEAD, (get(W_HEAD) & 0xFFFF_FF00L) | (opcode & 0xFF) | ((long) fd << 32));
        word(W_OFF, off);
        word(W_ADDR, addr);
        word(W_LEN, (get(W_LEN) & ~LOW32) | (len & LOW32));
        return (Sqe) this;
    }

    final Sqe opFlags(int flags) {
        word(W_LEN, (get(W_LEN) & LOW32) | ((long) flags << 32));
        return (Sqe) this;
    }

    final Sqe ioprio(int value) {
        word(W_HEAD, (get(W_HEAD) & ~0xFFFF_0000L) | ((long) (value & 0xFFFF) << 16));
        return (Sqe) this;
    }

    final Sqe fileIndex(int slot) {
        if (slot != Sqe.ALLOC_SLOT && slot < 0) {
            throw new IllegalArgumentException("slot must be >= 0 or Sqe.ALLOC_SLOT, got " + slot);
        }
        int index = slot == Sqe.ALLOC_SLOT ? FILE_INDEX_ALLOC : slot + 1;
        word(W_INDEX, (get(W_INDEX) & LOW32) | ((long) index << 32));
        return (Sqe) this;
    }

    final Sqe setFlag(int flag) {
        word(W_HEAD, get(W_HEAD) | ((long) (flag & 0xFF) << 8));
        return (Sqe) this;
    }

    static int checkFd(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("fd must be >= 0, got " + fd);
        }
        return fd;
    }

    static int len(MemorySegment buf) {
        if (buf.byteSize() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("buffer larger than 2 GiB: " + buf.byteSize() + " bytes");
        }
        return (int) buf.byteSize();
    }

    static long addr(MemorySegment seg) {
        if (!seg.isNative()) {
            throw new IllegalArgumentException("io_uring needs native memory (Arena.allocate), got a heap segment");
        }
        return seg.address();
    }

    // ---- common fields --------------------------------------------------------------------------------

    /**
     * The value handed back with this SQE's completion. Values whose top 16 bits are 0x5257 are reserved for ring-core's resource tags.
     *
     * @param userData the value
     * @return this SQE, for chaining
     */
    public Sqe userData(long userData) {
        if ((userData & 0xFFFF_0000_0000_0000L) == IoUring.TAG_PREFIX) {
            throw new IllegalArgumentException("user data 0x" + Long.toHexString(userData)
                    + " is reserved (top 16 bits 0x5257 mark resource-tag completions)");
        }
        word(W_USER_DATA, userData);
        return (Sqe) this;
    }

    /**
     * The next SQE runs only after this one succeeds (IOSQE_IO_LINK).
     * @return this SQE, for chaining
     */
    public Sqe link() {
        return setFlag(IOSQE_IO_LINK);
    }

    /**
     * The next SQE runs after this one whatever its result (IOSQE_IO_HARDLINK).
     * @return this SQE, for chaining
     */
    public Sqe hardLink() {
        return setFlag(IOSQE_IO_HARDLINK);
    }

    /**
     * Runs after every earlier SQE has completed (IOSQE_IO_DRAIN).
     * @return this SQE, for chaining
     */
    public Sqe drain() {
        return setFlag(IOSQE_IO_DRAIN);
    }

    /**
     * Goes straight to an async worker instead of trying non-blocking first (IOSQE_ASYNC).
     * @return this SQE, for chaining
     */
    public Sqe async() {
        return setFlag(IOSQE_ASYNC);
    }

    /**
     * The raw IOSQE_* flags byte.
     * @return the value described above
     */
    public int flags() {
        return (int) (get(W_HEAD) >>> 8) & 0xFF;
    }

    /**
     * The opcode of this SQE.
     * @return the value described above
     */
    public int opcode() {
        return (int) get(W_HEAD) & 0xFF;
    }

    /**
     * The command area of a 128-byte SQE (80 bytes from offset 48), e.g. for IORING_OP_URING_CMD.
     * @return the value described above
     */
    public MemorySegment cmd() {
        if (!big) {
            throw new IllegalStateException("cmd() needs a ring built with sqe128()");
        }
        return sqes.asSlice(base + ADDR3, 80);
    }

    /**
     * All bytes of this SQE (64, or 128 with sqe128()), for operations without a typed prep.
     * @return the value described above
     */
    public MemorySegment raw() {
        return sqes.asSlice(base, big ? 128 : 64);
    }

    static long nullable(MemorySegment seg) {
        return seg == null || seg.equals(MemorySegment.NULL) ? 0 : addr(seg);
    }

    final Sqe prepFixed(int opcode, FixedFile file, long addr, int len, long off) {
        prep(opcode, file.checkedSlot(ring()), addr, len, off);
        return setFlag(IOSQE_FIXED_FILE);
    }

    /** A slot of this ring's table that an operation may fill: free, or ALLOC_SLOT. */
    final int directSlot(FileTable table, int slot) {
        if (table.ring() != ring()) {
            throw new IllegalArgumentException("the fixed-file table belongs to " + table.ring() + ", not " + ring());
        }
        if (slot != Sqe.ALLOC_SLOT && table.isOccupied(slot)) {
            throw new IllegalStateException("slot " + slot + " of " + ring() + " is occupied");
        }
        return slot;
    }

    /** The first 64 bytes of this handle's entry, where every typed field lies. */
    private MemorySegment entry() {
        return sqes.asSlice(base, 64);
    }

    /** {@return the ring this entry belongs to} */
    abstract IoUring ring();
}
