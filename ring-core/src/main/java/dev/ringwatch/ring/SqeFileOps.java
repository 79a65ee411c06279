package dev.ringwatch.ring;

import java.lang.foreign.MemorySegment;

/**
 * {@link Sqe}'s file operations: read and write (plain, vectored, into registered buffers), fsync,
 * openat, close. The socket, poll, timeout and cancel operations are in {@link Sqe} itself.
 */
abstract sealed class SqeFileOps extends SqeEntry permits Sqe {
    private static final int FSYNC_DATASYNC = 1;
    private static final int AT_FDCWD = -100;

    SqeFileOps(MemorySegment sqes, long offset, boolean big) {
        super(sqes, offset, big);
    }

    /**
     * An operation that does nothing and completes with 0.
     * @return this SQE, for chaining
     */
    public Sqe nop() {
        // A NOP reads none of off, addr or len: leave them as reset() zeroed them.
        word(W_HEAD, (get(W_HEAD) & 0xFFFF_FF00L) | Opcode.NOP | (-1L << 32));
        return (Sqe) this;
    }

    /**
     * read(2) at {@code offset} (-1: the file position) into {@code buf}.
     *
     * @param fd the file descriptor
     * @param buf native buffer; its size is the length
     * @param offset file offset, or -1 for the file's current position
     * @return this SQE, for chaining
     */
    public Sqe read(int fd, MemorySegment buf, long offset) {
        return prep(Opcode.READ, checkFd(fd), addr(buf), len(buf), offset);
    }

    /**
     * read(2) of up to {@code buf.byteSize()} bytes at {@code offset}, on a fixed-file slot.
     *
     * @param file the fixed-file slot to operate on
     * @param buf native buffer; its size is the length
     * @param offset file offset, or -1 for the file's current position
     * @return this SQE, for chaining
     */
    public Sqe read(FixedFile file, MemorySegment buf, long offset) {
        return prepFixed(Opcode.READ, file, addr(buf), len(buf), offset);
    }

    /**
     * write(2) of {@code buf} at {@code offset}.
     *
     * @param fd the file descriptor
     * @param buf native buffer; its size is the length
     * @param offset file offset, or -1 for the file's current position
     * @return this SQE, for chaining
     */
    public Sqe write(int fd, MemorySegment buf, long offset) {
        return prep(Opcode.WRITE, checkFd(fd), addr(buf), len(buf), offset);
    }

    /**
     * write(2) of {@code buf} at {@code offset}, on a fixed-file slot.
     *
     * @param file the fixed-file slot to operate on
     * @param buf native buffer; its size is the length
     * @param offset file offset, or -1 for the file's current position
     * @return this SQE, for chaining
     */
    public Sqe write(FixedFile file, MemorySegment buf, long offset) {
        return prepFixed(Opcode.WRITE, file, addr(buf), len(buf), offset);
    }

    /**
     * readv(2): {@code iovecs} holds {@code count} struct iovec (see {@link Iovecs}).
     *
     * @param fd the file descriptor
     * @param iovecs native array of {@code struct iovec} (see {@link Iovecs})
     * @param count number of iovecs in {@code iovecs}
     * @param offset file offset, or -1 for the file's current position
     * @return this SQE, for chaining
     */
    public Sqe readv(int fd, MemorySegment iovecs, int count, long offset) {
        return prep(Opcode.READV, checkFd(fd), addr(iovecs), Iovecs.checkCount(iovecs, count), offset);
    }

    /**
     * writev(2) of the buffers {@code iovecs} describes.
     *
     * @param fd the file descriptor
     * @param iovecs native array of {@code struct iovec} (see {@link Iovecs})
     * @param count number of iovecs in {@code iovecs}
     * @param offset file offset, or -1 for the file's current position
     * @return this SQE, for chaining
     */
    public Sqe writev(int fd, MemorySegment iovecs, int count, long offset) {
        return prep(Opcode.WRITEV, checkFd(fd), addr(iovecs), Iovecs.checkCount(iovecs, count), offset);
    }

    /**
     * readv(2) into the buffers {@code iovecs} describes, on a fixed-file slot.
     *
     * @param file the fixed-file slot to operate on
     * @param iovecs native array of {@code struct iovec} (see {@link Iovecs})
     * @param count number of iovecs in {@code iovecs}
     * @param offset file offset, or -1 for the file's current position
     * @return this SQE, for chaining
     */
    public Sqe readv(FixedFile file, MemorySegment iovecs, int count, long offset) {
        return prepFixed(Opcode.READV, file, addr(iovecs), Iovecs.checkCount(iovecs, count), offset);
    }

    /**
     * writev(2) of the buffers {@code iovecs} describes, on a fixed-file slot.
     *
     * @param file the fixed-file slot to operate on
     * @param iovecs native array of {@code struct iovec} (see {@link Iovecs})
     * @param count number of iovecs in {@code iovecs}
     * @param offset file offset, or -1 for the file's current position
     * @return this SQE, for chaining
     */
    public Sqe writev(FixedFile file, MemorySegment iovecs, int count, long offset) {
        return prepFixed(Opcode.WRITEV, file, addr(iovecs), Iovecs.checkCount(iovecs, count), offset);
    }

    /**
     * Read into registered buffer {@code bufIndex}; {@code buf} must lie inside it.
     *
     * @param fd the file descriptor
     * @param buf native buffer; its size is the length
     * @param offset file offset, or -1 for the file's current position
     * @param bufIndex index of the registered buffer that contains {@code buf}
     * @return this SQE, for chaining
     */
    public Sqe readFixed(int fd, MemorySegment buf, long offset, int bufIndex) {
        prep(Opcode.READ_FIXED, checkFd(fd), addr(buf), len(buf), offset);
        return bufIndex(bufIndex, buf);
    }

    /**
     * Read into registered buffer {@code bufIndex}; {@code buf} must lie inside it, on a fixed-file slot.
     *
     * @param file the fixed-file slot to operate on
     * @param buf native buffer; its size is the length
     * @param offset file offset, or -1 for the file's current position
     * @param bufIndex index of the registered buffer that contains {@code buf}
     * @return this SQE, for chaining
     */
    public Sqe readFixed(FixedFile file, MemorySegment buf, long offset, int bufIndex) {
        prepFixed(Opcode.READ_FIXED, file, addr(buf), len(buf), offset);
        return bufIndex(bufIndex, buf);
    }

    /**
     * Write from registered buffer {@code bufIndex}; {@code buf} must lie inside it.
     *
     * @param fd the file descriptor
     * @param buf native buffer; its size is the length
     * @param offset file offset, or -1 for the file's current position
     * @param bufIndex index of the registered buffer that contains {@code buf}
     * @return this SQE, for chaining
     */
    public Sqe writeFixed(int fd, MemorySegment buf, long offset, int bufIndex) {
        prep(Opcode.WRITE_FIXED, checkFd(fd), addr(buf), len(buf), offset);
        return bufIndex(bufIndex, buf);
    }

    /**
     * Write from registered buffer {@code bufIndex}; {@code buf} must lie inside it, on a fixed-file slot.
     *
     * @param file the fixed-file slot to operate on
     * @param buf native buffer; its size is the length
     * @param offset file offset, or -1 for the file's current position
     * @param bufIndex index of the registered buffer that contains {@code buf}
     * @return this SQE, for chaining
     */
    public Sqe writeFixed(FixedFile file, MemorySegment buf, long offset, int bufIndex) {
        prepFixed(Opcode.WRITE_FIXED, file, addr(buf), len(buf), offset);
        return bufIndex(bufIndex, buf);
    }

    private Sqe bufIndex(int index, MemorySegment buf) {
        BufferTable table = ring().bufferTable();
        if (table == null) {
            throw new IllegalStateException("read_fixed/write_fixed need registerBuffers(..) on " + ring());
        }
        table.check(index, buf);
        word(W_INDEX, (get(W_INDEX) & ~0xFFFFL) | (index & 0xFFFF));
        return (Sqe) this;
    }

    /**
     * fsync(2).
     *
     * @param fd the file descriptor
     * @return this SQE, for chaining
     */
    public Sqe fsync(int fd) {
        return prep(Opcode.FSYNC, checkFd(fd), 0, 0, 0);
    }

    /**
     * fdatasync semantics (IORING_FSYNC_DATASYNC).
     *
     * @param fd the file descriptor
     * @return this SQE, for chaining
     */
    public Sqe fdatasync(int fd) {
        return prep(Opcode.FSYNC, checkFd(fd), 0, 0, 0).opFlags(FSYNC_DATASYNC);
    }

    /**
     * fsync(2), on a fixed-file slot.
     *
     * @param file the fixed-file slot to operate on
     * @return this SQE, for chaining
     */
    public Sqe fsync(FixedFile file) {
        return prepFixed(Opcode.FSYNC, file, 0, 0, 0);
    }

    /**
     * fdatasync semantics (IORING_FSYNC_DATASYNC), on a fixed-file slot.
     *
     * @param file the fixed-file slot to operate on
     * @return this SQE, for chaining
     */
    public Sqe fdatasync(FixedFile file) {
        return prepFixed(Opcode.FSYNC, file, 0, 0, 0).opFlags(FSYNC_DATASYNC);
    }

    /**
     * openat(2); {@code path} is a NUL-terminated string (Arena.allocateFrom). {@code dirfd} -100 = cwd.
     *
     * @param dirfd directory fd, or {@link OpenFlags#AT_FDCWD}
     * @param path NUL-terminated path ({@code arena.allocateFrom(path)})
     * @param openFlags {@link OpenFlags} or-ed together
     * @param mode permission bits for a created file
     * @return this SQE, for chaining
     */
    public Sqe openat(int dirfd, MemorySegment path, int openFlags, int mode) {
        if (dirfd < 0 && dirfd != AT_FDCWD) {
            throw new IllegalArgumentException("dirfd must be >= 0 or AT_FDCWD (-100), got " + dirfd);
        }
        return prep(Opcode.OPENAT, dirfd, addr(path), mode, 0).opFlags(openFlags);
    }

    /**
     * openat straight into fixed slot {@code slot} ({@link Sqe#ALLOC_SLOT}: the kernel picks, result = slot).
     *
     * @param dirfd directory fd, or {@link OpenFlags#AT_FDCWD}
     * @param path NUL-terminated path ({@code arena.allocateFrom(path)})
     * @param openFlags {@link OpenFlags} or-ed together
     * @param mode permission bits for a created file
     * @param slot the slot index, or {@link Sqe#ALLOC_SLOT} to let the kernel pick
     * @return this SQE, for chaining
     */
    public Sqe openatDirect(int dirfd, MemorySegment path, int openFlags, int mode, int slot) {
        return openat(dirfd, path, openFlags, mode).fileIndex(slot);
    }

    /**
     * openat straight into a slot of {@code table}: {@code slot} must be free, or {@link Sqe#ALLOC_SLOT} to let the kernel pick one in the range given to {@link FileTable#reserveForKernel}; the result is the slot (adopt it with {@link FileTable#adopt}).
     *
     * @param dirfd directory fd, or {@link OpenFlags#AT_FDCWD}
     * @param path NUL-terminated path ({@code arena.allocateFrom(path)})
     * @param openFlags {@link OpenFlags} or-ed together
     * @param mode permission bits for a created file
     * @param table this ring's fixed-file table
     * @param slot the slot index, or {@link Sqe#ALLOC_SLOT} to let the kernel pick
     * @return this SQE, for chaining
     */
    public Sqe openatDirect(int dirfd, MemorySegment path, int openFlags, int mode, FileTable table, int slot) {
        return openatDirect(dirfd, path, openFlags, mode, directSlot(table, slot));
    }

    /**
     * close(2) of an fd.
     *
     * @param fd the file descriptor
     * @return this SQE, for chaining
     */
    public Sqe close(int fd) {
        return prep(Opcode.CLOSE, checkFd(fd), 0, 0, 0);
    }

    /**
     * Closes the file in a fixed slot. Prefer {@link FixedFile#close()}, which also tells the table; this is for slots the kernel filled that the application never adopted.
     *
     * @param slot the slot to close
     * @return this SQE, for chaining
     */
    public Sqe closeFixed(int slot) {
        if (slot < 0) {
            throw new IllegalArgumentException("slot must be >= 0, got " + slot);
        }
        return prep(Opcode.CLOSE, 0, 0, 0, 0).fileIndex(slot);
    }
}
