package dev.ringwatch.ring;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The SQ side of the shared ring. {@code sqeTail} runs ahead of the kernel-visible tail until
 * {@link #flush()} publishes it with a release store, so the kernel never sees a half-written SQE.
 */
final class SubmissionQueue {
    /** IORING_SQ_* ring flags. */
    static final int NEED_WAKEUP = 1, CQ_OVERFLOW = 2, TASKRUN = 4;
    private static final VarHandle INT = JAVA_INT.varHandle();

    private final MemorySegment ring;
    final MemorySegment sqes;
    private final long headOff, tailOff, flagsOff;
    final int mask, entries, sqeShift;
    private int sqeTail;
    private int cachedHead;

    SubmissionQueue(RingMemory mem, RingParams p, int setupFlags) {
        ring = mem.sqRing;
        sqes = mem.sqes;
        headOff = p.sqOff(RingParams.OFF_HEAD);
        tailOff = p.sqOff(RingParams.OFF_TAIL);
        flagsOff = p.sqOff(RingParams.SQ_OFF_FLAGS);
        mask = ring.get(JAVA_INT, p.sqOff(RingParams.OFF_MASK));
        entries = ring.get(JAVA_INT, p.sqOff(RingParams.OFF_ENTRIES));
        sqeShift = (setupFlags & SetupFlags.SQE128) != 0 ? 7 : 6;
        // SQ index i always names SQE i: fill the indirection array once, as liburing does (NO_SQARRAY:
        // the kernel has no array and reads SQE i for slot i by itself).
        if ((setupFlags & SetupFlags.NO_SQARRAY) == 0) {
            long array = p.sqOff(RingParams.SQ_OFF_ARRAY);
            for (int i = 0; i < entries; i++) {
                ring.set(JAVA_INT, array + 4L * i, i);
            }
        }
        sqeTail = (int) INT.getAcquire(ring, tailOff);
        cachedHead = sqeTail;
    }

    /** Index of the next free SQE, or -1 when the SQ is full. */
    int claim() {
        int tail = sqeTail;
        if (tail - cachedHead >= entries) {
            cachedHead = kernelHead();
            if (tail - cachedHead >= entries) {
                return -1;
            }
        }
        sqeTail = tail + 1;
        return tail & mask;
    }

    /** Publishes claimed SQEs; returns how many the kernel has not consumed yet. */
    int flush() {
        int tail = sqeTail;
        INT.setRelease(ring, tailOff, tail);
        return tail - kernelHead();
    }

    int kernelHead() {
        return (int) INT.getAcquire(ring, headOff);
    }

    int spaceLeft() {
        return entries - (sqeTail - kernelHead());
    }

    /** Ring flags (NEED_WAKEUP, CQ_OVERFLOW, TASKRUN); callers fence first where ordering matters. */
    int flags() {
        return (int) INT.getVolatile(ring, flagsOff);
    }
}
