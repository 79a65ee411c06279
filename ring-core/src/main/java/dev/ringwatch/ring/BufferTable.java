package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Buffers registered with the kernel (IORING_REGISTER_BUFFERS) for read_fixed/write_fixed: the kernel
 * pins them once instead of on every operation. Pinned memory counts against RLIMIT_MEMLOCK.
 */
public final class BufferTable {
    private static final int REGISTER_BUFFERS = 0;

    private final List<MemorySegment> buffers;

    BufferTable(IoUring ring, MemorySegment... segments) {
        if (segments.length == 0) {
            throw new IllegalArgumentException("registerBuffers needs at least one buffer");
        }
        long total = 0;
        for (MemorySegment s : segments) {
            total += s.byteSize();
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment iov = Iovecs.of(a, segments);
            ring.register(REGISTER_BUFFERS, iov.address(), segments.length,
                    "REGISTER_BUFFERS, " + segments.length + " buffers, " + total + " bytes");
        }
        this.buffers = List.of(segments);
    }

    /**
     * {@return how many buffers are registered}
     */
    public int count() {
        return buffers.size();
    }

    /**
     * {@return registered buffer {@code index}}
     * @param index the buffer index
     */
    public MemorySegment buffer(int index) {
        return buffers.get(index);
    }

    /** {@code buf} must lie inside registered buffer {@code index}, or the kernel fails the op with EFAULT. */
    void check(int index, MemorySegment buf) {
        if (index < 0 || index >= buffers.size()) {
            throw new IndexOutOfBoundsException("buffer index " + index + " outside 0.." + (buffers.size() - 1));
        }
        MemorySegment reg = buffers.get(index);
        long start = reg.address();
        if (buf.address() < start || buf.address() + buf.byteSize() > start + reg.byteSize()) {
            throw new IllegalArgumentException("buffer does not lie inside registered buffer " + index);
        }
    }
}
