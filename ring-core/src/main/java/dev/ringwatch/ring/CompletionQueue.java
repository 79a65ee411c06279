package dev.ringwatch.ring;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

/**
 * The CQ side: the kernel publishes the tail with a release store, we read it with acquire, and we hand
 * slots back by a release store of the head once their contents have been read.
 */
final class CompletionQueue {
    private static final VarHandle INT = JAVA_INT.varHandle();

    private final MemorySegment ring;
    private final long headOff, tailOff, overflowOff, cqesOff;
    private final int mask;
    final int entries, cqeShift;

    CompletionQueue(RingMemory mem, RingParams p, int setupFlags) {
        ring = mem.cqRing;
        headOff = p.cqOff(RingParams.OFF_HEAD);
        tailOff = p.cqOff(RingParams.OFF_TAIL);
        overflowOff = p.cqOff(RingParams.CQ_OFF_OVERFLOW);
        cqesOff = p.cqOff(RingParams.CQ_OFF_CQES);
        mask = ring.get(JAVA_INT, p.cqOff(RingParams.OFF_MASK));
        entries = ring.get(JAVA_INT, p.cqOff(RingParams.OFF_ENTRIES));
        cqeShift = (setupFlags & SetupFlags.CQE32) != 0 ? 5 : 4;
    }

    int head() {
        return (int) INT.get(ring, headOff);
    }

    int tail() {
        return (int) INT.getAcquire(ring, tailOff);
    }

    void advanceTo(int head) {
        INT.setRelease(ring, headOff, head);
    }

    int ready() {
        return tail() - head();
    }

    int overflow() {
        return (int) INT.getVolatile(ring, overflowOff);
    }

    /**
     * The 8 bytes at {@code offset} in the CQE at {@code head}: read straight from the ring's segment (a
     * final field), without a slice per run of CQEs, which C2 did not always inline (a call per reap).
     */
    long word(int head, int offset) {
        return ring.get(JAVA_LONG_UNALIGNED, cqesOff + ((long) (head & mask) << cqeShift) + offset);
    }
}
