package dev.ringwatch.ring;

import java.lang.foreign.MemorySegment;

/**
 * How ring memory gets mapped. Production uses {@link Native#mmap}; tests substitute a mapper that
 * fails on the n-th call, because an mmap that fails after io_uring_setup succeeded cannot be
 * provoked on demand against the real kernel.
 */
@FunctionalInterface
interface Mapper {
    Mapper NATIVE = Native::mmap;

    /** Returns the mapped address, or -1 with errno in {@code errnoSlot}. */
    long map(MemorySegment errnoSlot, long length, int fd, long offset);
}
