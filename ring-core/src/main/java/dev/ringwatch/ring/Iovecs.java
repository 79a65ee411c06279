package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** Arrays of {@code struct iovec} for readv/writev and buffer registration. */
public final class Iovecs {
    /** Size of one {@code struct iovec}. */
    public static final long BYTES = KernelStructs.IOVEC.byteSize();
    private static final long BASE = KernelStructs.offset(KernelStructs.IOVEC, "iov_base");
    private static final long LEN = KernelStructs.offset(KernelStructs.IOVEC, "iov_len");

    private Iovecs() {
    }

    /**
     * An iovec array describing {@code buffers}, which must be native segments.
     * @param arena where the array lives
     * @param buffers native buffers
     * @return the iovec array
     */
    public static MemorySegment of(Arena arena, MemorySegment... buffers) {
        MemorySegment iov = arena.allocate(BYTES * buffers.length, 8);
        for (int i = 0; i < buffers.length; i++) {
            MemorySegment b = buffers[i];
            if (!b.isNative()) {
                throw new IllegalArgumentException("buffer " + i + " is a heap segment; io_uring needs native memory");
            }
            iov.set(JAVA_LONG, BYTES * i + BASE, b.address());
            iov.set(JAVA_LONG, BYTES * i + LEN, b.byteSize());
        }
        return iov;
    }

    static int checkCount(MemorySegment iovecs, int count) {
        if (count <= 0 || count * BYTES > iovecs.byteSize()) {
            throw new IllegalArgumentException("iovec count " + count + " does not fit an array of "
                    + iovecs.byteSize() / BYTES + " iovecs");
        }
        return count;
    }
}
