package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** {@code struct __kernel_timespec} for timeout and link_timeout. */
public final class Timespec {
    /** Size of a {@code struct __kernel_timespec}. */
    public static final long BYTES = KernelStructs.TIMESPEC.byteSize();

    private Timespec() {
    }

    /**
     * A timespec of {@code d}.
     * @param arena where it lives; it must stay open until the operation completed
     * @param d a non-negative duration
     * @return the timespec
     */
    public static MemorySegment of(Arena arena, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + d);
        }
        return write(arena.allocate(KernelStructs.TIMESPEC), d);
    }

    /** Writes {@code d} into the timespec {@code ts}; returns {@code ts}. */
    static MemorySegment write(MemorySegment ts, Duration d) {
        ts.set(JAVA_LONG, KernelStructs.offset(KernelStructs.TIMESPEC, "tv_sec"), d.getSeconds());
        ts.set(JAVA_LONG, KernelStructs.offset(KernelStructs.TIMESPEC, "tv_nsec"), d.getNano());
        return ts;
    }

    static MemorySegment check(MemorySegment ts) {
        if (ts.byteSize() < BYTES) {
            throw new IllegalArgumentException("timespec must be " + BYTES + " bytes, got " + ts.byteSize());
        }
        return ts;
    }
}
