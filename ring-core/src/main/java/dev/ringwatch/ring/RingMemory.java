package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * The ring's mmap'd regions. They live in a shared arena whose cleanup actions munmap exactly what was
 * mapped (SQE128 doubles the SQE array: liburing 2.5-2.8 unmapped half of it, which kept closed SQPOLL
 * rings alive). Closing the arena makes any later access throw instead of touching unmapped memory;
 * {@link RingTeardown} decides when that is safe, and until then {@link #detach()} keeps the addresses
 * backed by harmless memory.
 */
final class RingMemory {
    static final long OFF_SQ_RING = 0L, OFF_CQ_RING = 0x8000000L, OFF_SQES = 0x10000000L;

    private final Arena arena = Arena.ofShared();
    private final List<Mapping> mappings = new ArrayList<>(3);
    final MemorySegment sqRing;
    final MemorySegment cqRing;
    final MemorySegment sqes;

    /**
     * Maps the rings of {@code fd}. On failure unmaps what it had mapped and throws; closing the fd is
     * the caller's job.
     */
    RingMemory(int fd, RingParams p, int flags, MemorySegment errnoSlot, Mapper mapper, String describe) {
        int sqEntries = p.sqEntries();
        int cqEntries = p.cqEntries();
        // NO_SQARRAY: no index array; the SQ's head, tail and flags lie in the CQ ring's header part
        long sqRingBytes = (flags & SetupFlags.NO_SQARRAY) != 0 ? p.cqOff(RingParams.CQ_OFF_CQES)
                : p.sqOff(RingParams.SQ_OFF_ARRAY) + 4L * sqEntries;
        long cqRingBytes = p.cqOff(RingParams.CQ_OFF_CQES) + (long) cqEntries * cqeSize(flags);
        long sqesBytes = (long) sqEntries << ((flags & SetupFlags.SQE128) != 0 ? 7 : 6);
        try {
            if ((p.features() & Features.SINGLE_MMAP) != 0) {
                long bytes = Math.max(sqRingBytes, cqRingBytes);
                sqRing = map("rings", bytes, fd, OFF_SQ_RING, errnoSlot, mapper, describe);
                cqRing = sqRing;
            } else {
                sqRing = map("sq ring", sqRingBytes, fd, OFF_SQ_RING, errnoSlot, mapper, describe);
                cqRing = map("cq ring", cqRingBytes, fd, OFF_CQ_RING, errnoSlot, mapper, describe);
            }
            sqes = map("sqes", sqesBytes, fd, OFF_SQES, errnoSlot, mapper, describe);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    static int cqeSize(int flags) {
        return (flags & SetupFlags.CQE32) != 0 ? 32 : 16;
    }

    private MemorySegment map(String region, long bytes, int fd, long offset, MemorySegment errnoSlot, Mapper mapper,
                              String describe) {
        long addr = mapper.map(errnoSlot, bytes, fd, offset);
        if (addr == -1L) {
            int errno = Native.errno(errnoSlot);
            throw new IoUringException("mmap(" + region + ", length=" + bytes + ", offset=0x" + Long.toHexString(offset)
                    + ") of " + describe, errno, errno == Errno.ENOMEM ? ResourceLimits.lockedMemoryHint() : null);
        }
        mappings.add(new Mapping(region, addr, bytes));
        return MemorySegment.ofAddress(addr).reinterpret(bytes, arena, unmapped -> Native.munmap(scratchErrno(), addr, bytes));
    }

    /** munmap of a range we mapped fails only on a bug; errno is not needed, but the handle wants a slot. */
    private static MemorySegment scratchErrno() {
        return Native.newErrnoSlot(Arena.ofAuto());
    }

    List<Mapping> mappings() {
        return List.copyOf(mappings);
    }

    long mappedBytes() {
        long sum = 0;
        for (Mapping m : mappings) {
            sum += m.bytes();
        }
        return sum;
    }

    /**
     * Swaps every region, each in one atomic step, for private anonymous memory at the same address, so
     * that the io_uring file loses these references at once while a store racing with close still lands
     * in mapped memory. Returns false if a swap failed (that region keeps the file until {@link #unmap()}).
     */
    boolean detach() {
        MemorySegment errno = scratchErrno();
        boolean all = true;
        for (Mapping m : mappings) {
            all &= Native.mmapAnonymousOver(errno, m.address(), m.bytes()) == m.address();
        }
        return all;
    }

    /** munmaps every region (through the arena's cleanup actions). */
    void unmap() {
        arena.close();
    }
}
