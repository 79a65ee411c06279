package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;


/** {@code struct io_uring_params} (120 bytes): what we ask io_uring_setup for and what it answers. */
final class RingParams {
    static final long SIZE = 120;
    private static final long SQ_ENTRIES = 0, CQ_ENTRIES = 4, FLAGS = 8, SQ_THREAD_CPU = 12, SQ_THREAD_IDLE = 16,
            FEATURES = 20, WQ_FD = 24, SQ_OFF = 40, CQ_OFF = 80;

    final MemorySegment seg;

    RingParams(Arena arena) {
        this.seg = arena.allocate(SIZE, 8);
    }

    void request(int flags, int cqEntries, int sqThreadCpu, int sqThreadIdleMs, int wqFd) {
        seg.set(JAVA_INT, FLAGS, flags);
        seg.set(JAVA_INT, CQ_ENTRIES, cqEntries);
        seg.set(JAVA_INT, SQ_THREAD_CPU, sqThreadCpu);
        seg.set(JAVA_INT, SQ_THREAD_IDLE, sqThreadIdleMs);
        seg.set(JAVA_INT, WQ_FD, wqFd);
    }

    int sqEntries() {
        return seg.get(JAVA_INT, SQ_ENTRIES);
    }

    int cqEntries() {
        return seg.get(JAVA_INT, CQ_ENTRIES);
    }

    int flags() {
        return seg.get(JAVA_INT, FLAGS);
    }

    int features() {
        return seg.get(JAVA_INT, FEATURES);
    }

    /** struct io_sqring_offsets: head, tail, ring_mask, ring_entries, flags, dropped, array. */
    int sqOff(int field) {
        return seg.get(JAVA_INT, SQ_OFF + 4L * field);
    }

    /** struct io_cqring_offsets: head, tail, ring_mask, ring_entries, overflow, cqes, flags. */
    int cqOff(int field) {
        return seg.get(JAVA_INT, CQ_OFF + 4L * field);
    }

    long address() {
        return seg.address();
    }

    static final int OFF_HEAD = 0, OFF_TAIL = 1, OFF_MASK = 2, OFF_ENTRIES = 3, SQ_OFF_FLAGS = 4, SQ_OFF_DROPPED = 5,
            SQ_OFF_ARRAY = 6, CQ_OFF_OVERFLOW = 4, CQ_OFF_CQES = 5, CQ_OFF_FLAGS = 6;

}
