package dev.ringwatch.testsupport;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * An io_uring made with raw syscalls, as another library would make it: the rings ring-core never saw,
 * for tests of what the agent finds in /proc and of what ring-core does when someone acts behind its
 * back. Layouts follow /usr/include/linux/io_uring.h. Nothing is mapped until asked.
 */
public final class RawRing implements AutoCloseable {
    public static final int IORING_SETUP_SQPOLL = 1 << 1;
    public static final int IORING_SETUP_ATTACH_WQ = 1 << 5;
    public static final int IORING_SETUP_SQE128 = 1 << 10;
    public static final int IORING_SETUP_CQE32 = 1 << 11;
    public static final int IORING_FEAT_SINGLE_MMAP = 1;

    private static final int IORING_REGISTER_FILES2 = 13;
    private static final int IORING_REGISTER_FILES_UPDATE2 = 14;
    private static final int IORING_REGISTER_BUFFERS2 = 15;
    private static final int IORING_RSRC_REGISTER_SPARSE = 1;
    private static final long IORING_OFF_SQ_RING = 0L;
    private static final long IORING_OFF_SQES = 0x10000000L;

    /** {@code struct io_sqring_offsets} / {@code io_cqring_offsets}: ten 32-bit words (and a 64-bit one). */
    private static final StructLayout SQ_OFFSETS = MemoryLayout.structLayout(JAVA_INT.withName("head"),
            JAVA_INT.withName("tail"), JAVA_INT.withName("ring_mask"), JAVA_INT.withName("ring_entries"),
            JAVA_INT.withName("flags"), JAVA_INT.withName("dropped"), JAVA_INT.withName("array"),
            JAVA_INT.withName("resv1"), JAVA_LONG.withName("user_addr"));
    private static final StructLayout CQ_OFFSETS = MemoryLayout.structLayout(JAVA_INT.withName("head"),
            JAVA_INT.withName("tail"), JAVA_INT.withName("ring_mask"), JAVA_INT.withName("ring_entries"),
            JAVA_INT.withName("overflow"), JAVA_INT.withName("cqes"), JAVA_INT.withName("flags"),
            JAVA_INT.withName("resv1"), JAVA_LONG.withName("user_addr"));
    /** {@code struct io_uring_params}. */
    private static final StructLayout PARAMS = MemoryLayout.structLayout(JAVA_INT.withName("sq_entries"),
            JAVA_INT.withName("cq_entries"), JAVA_INT.withName("flags"), JAVA_INT.withName("sq_thread_cpu"),
            JAVA_INT.withName("sq_thread_idle"), JAVA_INT.withName("features"), JAVA_INT.withName("wq_fd"),
            MemoryLayout.sequenceLayout(3, JAVA_INT).withName("resv"), SQ_OFFSETS.withName("sq_off"),
            CQ_OFFSETS.withName("cq_off"));
    /** {@code struct io_uring_rsrc_register}. */
    private static final StructLayout RSRC_REGISTER = MemoryLayout.structLayout(JAVA_INT.withName("nr"),
            JAVA_INT.withName("flags"), JAVA_LONG.withName("resv2"), JAVA_LONG.withName("data"), JAVA_LONG.withName("tags"));
    /** {@code struct io_uring_rsrc_update2}. */
    private static final StructLayout RSRC_UPDATE2 = MemoryLayout.structLayout(JAVA_INT.withName("offset"),
            JAVA_INT.withName("resv"), JAVA_LONG.withName("data"), JAVA_LONG.withName("tags"), JAVA_INT.withName("nr"),
            JAVA_INT.withName("resv2"));

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
        this.sqEntries = params.get(JAVA_INT, at(PARAMS, "sq_entries"));
        this.cqEntries = params.get(JAVA_INT, at(PARAMS, "cq_entries"));
        this.features = params.get(JAVA_INT, at(PARAMS, "features"));
        this.sqArrayOffset = params.get(JAVA_INT, PARAMS.byteOffset(groupElement("sq_off"), groupElement("array")));
        this.cqCqesOffset = params.get(JAVA_INT, PARAMS.byteOffset(groupElement("cq_off"), groupElement("cqes")));
    }

    private static long at(StructLayout struct, String field) {
        return struct.byteOffset(groupElement(field));
    }

    public static RawRing setup(int entries, int flags) {
        return setup(entries, flags, 0, -1);
    }

    /**
     * io_uring_setup through syscall 425.
     *
     * @param idleMs     sq_thread_idle (0 = kernel default)
     * @param attachWqFd ring to share with, or -1
     */
    public static RawRing setup(int entries, int flags, int idleMs, int attachWqFd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment params = arena.allocate(PARAMS);
            params.set(JAVA_INT, at(PARAMS, "flags"), flags);
            params.set(JAVA_INT, at(PARAMS, "sq_thread_idle"), idleMs);
            if (attachWqFd >= 0) {
                params.set(JAVA_INT, at(PARAMS, "wq_fd"), attachWqFd);
            }
            int fd = (int) TestLibc.syscall(TestLibc.SYS_IO_URING_SETUP, entries, params.address(), 0, 0);
            return new RawRing(fd, flags, params);
        }
    }

    public static RawRing sqpoll(int entries) {
        return setup(entries, IORING_SETUP_SQPOLL, 0, -1);
    }

    public int fd() {
        return fd;
    }

    public int sqEntries() {
        return sqEntries;
    }

    /** Size of the SQ/CQ ring region (one mapping with IORING_FEAT_SINGLE_MMAP). */
    public long ringBytes() {
        long sqSize = sqArrayOffset + (long) sqEntries * Integer.BYTES;
        long cqSize = cqCqesOffset + (long) cqEntries * ((flags & IORING_SETUP_CQE32) != 0 ? 32 : 16);
        return Math.max(sqSize, cqSize);
    }

    /** A sparse fixed-file table of {@code nr} empty slots. */
    public void registerSparseFiles(int nr) {
        registerSparse(IORING_REGISTER_FILES2, nr);
    }

    /** A sparse fixed-buffer table of {@code nr} empty slots. */
    public void registerSparseBuffers(int nr) {
        registerSparse(IORING_REGISTER_BUFFERS2, nr);
    }

    /** A sparse fixed-file table of {@code nr} empty slots on any ring fd (ring-core's or a raw one). */
    public static void registerSparseFiles(int ringFd, int nr) {
        registerSparse(ringFd, IORING_REGISTER_FILES2, nr);
    }

    private void registerSparse(int opcode, int nr) {
        registerSparse(fd, opcode, nr);
    }

    private static void registerSparse(int fd, int opcode, int nr) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment reg = arena.allocate(RSRC_REGISTER);
            reg.set(JAVA_INT, at(RSRC_REGISTER, "nr"), nr);
            reg.set(JAVA_INT, at(RSRC_REGISTER, "flags"), IORING_RSRC_REGISTER_SPARSE);
            TestLibc.syscall(TestLibc.SYS_IO_URING_REGISTER, fd, opcode, reg.address(), RSRC_REGISTER.byteSize());
        }
    }

    /** Puts {@code fileFd} into fixed-file slot {@code slot}; -1 empties the slot. */
    public void updateFile(int slot, int fileFd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocateFrom(JAVA_INT, fileFd);
            MemorySegment upd = arena.allocate(RSRC_UPDATE2);
            upd.set(JAVA_INT, at(RSRC_UPDATE2, "offset"), slot);
            upd.set(JAVA_LONG, at(RSRC_UPDATE2, "data"), fds.address());
            upd.set(JAVA_INT, at(RSRC_UPDATE2, "nr"), 1);
            TestLibc.syscall(TestLibc.SYS_IO_URING_REGISTER, fd, IORING_REGISTER_FILES_UPDATE2, upd.address(),
                    RSRC_UPDATE2.byteSize());
        }
    }

    /** Maps the SQ/CQ rings (one mapping with IORING_FEAT_SINGLE_MMAP); returns its bytes. */
    public long mapRings() {
        if ((features & IORING_FEAT_SINGLE_MMAP) == 0) {
            throw new IllegalStateException("kernel without IORING_FEAT_SINGLE_MMAP");
        }
        return map(ringBytes(), IORING_OFF_SQ_RING);
    }

    /** Maps the SQE array; returns its bytes. */
    public long mapSqes() {
        long size = (long) sqEntries << ((flags & IORING_SETUP_SQE128) != 0 ? 7 : 6);
        return map(size, IORING_OFF_SQES);
    }

    private long map(long length, long offset) {
        mappings.add(TestLibc.mmap(fd, length, offset));
        return length;
    }

    /** Unmaps everything this object mapped. */
    public void unmapAll() {
        for (MemorySegment m : mappings) {
            TestLibc.munmap(m);
        }
        mappings.clear();
    }

    /** close(2) on the ring fd only; mappings stay. */
    public void closeFd() {
        if (fdOpen) {
            fdOpen = false;
            TestLibc.close(fd);
        }
    }

    @Override
    public void close() {
        unmapAll();
        closeFd();
    }
}
