package dev.ringwatch.agent.proc;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Test-only io_uring made with raw syscalls, so the proc view can be tested against real rings
 * before (and independently of) ring-core. Layouts follow /usr/include/linux/io_uring.h.
 */
final class RawRing implements AutoCloseable {
    static final int IORING_SETUP_SQPOLL = 1 << 1;
    static final int IORING_SETUP_ATTACH_WQ = 1 << 5;
    static final int IORING_SETUP_SQE128 = 1 << 10;
    static final int IORING_SETUP_CQE32 = 1 << 11;
    static final int IORING_FEAT_SINGLE_MMAP = 1;

    private static final int IORING_REGISTER_FILES2 = 13;
    private static final int IORING_REGISTER_FILES_UPDATE2 = 14;
    private static final int IORING_REGISTER_BUFFERS2 = 15;
    private static final int IORING_RSRC_REGISTER_SPARSE = 1;
    private static final long IORING_OFF_SQ_RING = 0L;
    private static final long IORING_OFF_SQES = 0x10000000L;

    private static final int PARAMS_SIZE = 120;
    private static final int RSRC_REGISTER_SIZE = 32;
    private static final int RSRC_UPDATE2_SIZE = 32;

    private final int fd;
    private final int flags;
    private final int sqEntries;
    private final int cqEntries;
    private final int features;
    private final int sqArrayOffset;
    private final int cqCqesOffset;
    private final List<MemorySegment> mappings = new ArrayList<>();
    private boolean fdOpen = true;

    private RawRing(int fd, int flags, MemorySegment params) {
        this.fd = fd;
        this.flags = flags;
        this.sqEntries = params.get(JAVA_INT, 0);
        this.cqEntries = params.get(JAVA_INT, 4);
        this.features = params.get(JAVA_INT, 20);
        this.sqArrayOffset = params.get(JAVA_INT, 40 + 24);   // sq_off.array
        this.cqCqesOffset = params.get(JAVA_INT, 80 + 20);    // cq_off.cqes
    }

    static RawRing setup(int entries, int flags) {
        return setup(entries, flags, 0, -1);
    }

    /** @param idleMs sq_thread_idle (0 = kernel default); @param attachWqFd ring to share with, or -1 */
    static RawRing setup(int entries, int flags, int idleMs, int attachWqFd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = arena.allocate(PARAMS_SIZE, 8);
            params.set(JAVA_INT, 8, flags);
            params.set(JAVA_INT, 16, idleMs);
            if (attachWqFd >= 0) {
                params.set(JAVA_INT, 24, attachWqFd);
            }
            int fd = (int) Libc.syscall(Libc.SYS_IO_URING_SETUP, entries, params.address(), 0, 0);
            return new RawRing(fd, flags, params);
        }
    }

    static RawRing sqpoll(int entries) {
        return setup(entries, IORING_SETUP_SQPOLL, 0, -1);
    }

    int fd() {
        return fd;
    }

    int sqEntries() {
        return sqEntries;
    }

    /** A sparse fixed-file table of {@code nr} empty slots. */
    void registerSparseFiles(int nr) {
        registerSparse(IORING_REGISTER_FILES2, nr);
    }

    /** A sparse fixed-buffer table of {@code nr} empty slots. */
    void registerSparseBuffers(int nr) {
        registerSparse(IORING_REGISTER_BUFFERS2, nr);
    }

    private void registerSparse(int opcode, int nr) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment reg = arena.allocate(RSRC_REGISTER_SIZE, 8);
            reg.set(JAVA_INT, 0, nr);
            reg.set(JAVA_INT, 4, IORING_RSRC_REGISTER_SPARSE);
            Libc.syscall(Libc.SYS_IO_URING_REGISTER, fd, opcode, reg.address(), RSRC_REGISTER_SIZE);
        }
    }

    /** Puts {@code fileFd} into fixed-file slot {@code slot}; -1 empties the slot. */
    void updateFile(int slot, int fileFd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(JAVA_INT);
            fds.set(JAVA_INT, 0, fileFd);
            MemorySegment upd = arena.allocate(RSRC_UPDATE2_SIZE, 8);
            upd.set(JAVA_INT, 0, slot);
            upd.set(JAVA_LONG, 8, fds.address());
            upd.set(JAVA_INT, 24, 1);
            Libc.syscall(Libc.SYS_IO_URING_REGISTER, fd, IORING_REGISTER_FILES_UPDATE2, upd.address(),
                    RSRC_UPDATE2_SIZE);
        }
    }

    /** Maps the SQ/CQ rings (one mapping with IORING_FEAT_SINGLE_MMAP); returns its bytes. */
    long mapRings() {
        long sqSize = sqArrayOffset + (long) sqEntries * Integer.BYTES;
        long cqSize = cqCqesOffset + (long) cqEntries * ((flags & IORING_SETUP_CQE32) != 0 ? 32 : 16);
        if ((features & IORING_FEAT_SINGLE_MMAP) == 0) {
            throw new IllegalStateException("kernel without IORING_FEAT_SINGLE_MMAP");
        }
        return map(Math.max(sqSize, cqSize), IORING_OFF_SQ_RING);
    }

    /** Maps the SQE array; returns its bytes. */
    long mapSqes() {
        long size = (long) sqEntries << ((flags & IORING_SETUP_SQE128) != 0 ? 7 : 6);
        return map(size, IORING_OFF_SQES);
    }

    private long map(long length, long offset) {
        MemorySegment m = Libc.mmap(fd, length, offset);
        mappings.add(m);
        return length;
    }

    /** Unmaps everything this object mapped. */
    void unmapAll() {
        for (MemorySegment m : mappings) {
            Libc.munmap(m);
        }
        mappings.clear();
    }

    /** close(2) on the ring fd only; mappings stay. */
    void closeFd() {
        if (fdOpen) {
            fdOpen = false;
            Libc.close(fd);
        }
    }

    @Override
    public void close() {
        unmapAll();
        closeFd();
    }
}
