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

    final MemorySegment ring;
    private final long headOff, tailOff, overflowOff;
    final long cqesOff;
    /** CQEs copied out of the ring per bulk copy. */
    static final int CHUNK = 64;

    final int mask, entries, cqeShift, wordsPerCqe;

    CompletionQueue(RingMemory mem, RingParams p, int setupFlags) {
        ring = mem.cqRing;
        headOff = p.cqOff(RingParams.OFF_HEAD);
        tailOff = p.cqOff(RingParams.OFF_TAIL);
        overflowOff = p.cqOff(RingParams.CQ_OFF_OVERFLOW);
        cqesOff = p.cqOff(RingParams.CQ_OFF_CQES);
        mask = ring.get(JAVA_INT, p.cqOff(RingParams.OFF_MASK));
        entries = ring.get(JAVA_INT, p.cqOff(RingParams.OFF_ENTRIES));
        cqeShift = (setupFlags & SetupFlags.CQE32) != 0 ? 5 : 4;
        wordsPerCqe = 1 << (cqeShift - 3);
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
     * Copies CQEs from {@code head} on (at most up to the ring's wrap point and {@link #CHUNK}) into
     * {@code into} as 64-bit words: user_data, then res | flags << 32, then the CQE32 extras.
     * Returns how many CQEs were copied.
     */
    int copyOut(int head, int tail, long[] into) {
        int index = head & mask;
        int n = Math.min(Math.min(tail - head, CHUNK), entries - index);
        MemorySegment.copy(ring, JAVA_LONG_UNALIGNED, cqesOff + ((long) index << cqeShift), into, 0, n * wordsPerCqe);
        return n;
    }
}
