package dev.ringwatch.ring;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * ring-core writes SQEs in place and reads CQEs in place, so what one lap around a ring leaves behind
 * must never leak into the next: every handed-out SQE is zero, whatever its slot held before, and
 * completions that straddle the CQ's wrap point arrive once each, in order.
 */
class RingReuseTest {
    private IoUring ring;

    @AfterEach
    void tearDown() {
        if (ring != null) {
            ring.close();
        }
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void everyHandedOutSqeIsZeroEvenWhenItsSlotHeldAnotherOperation(RingVariant v) {
        ring = v.build(8);
        try (Arena arena = Arena.ofConfined()) {
            lapOfDisarmedReads(arena.allocate(64));
            for (int i = 0; i < ring.sqEntries(); i++) {
                MemorySegment raw = ring.nextSqe().raw();
                for (long off = 0; off < raw.byteSize(); off++) {
                    assertEquals(0, raw.get(JAVA_BYTE, off), "byte " + off + " of reused SQE " + i + " on " + v);
                }
                raw.set(JAVA_LONG, 32, 2000 + i);
            }
            drain(ring.sqEntries());
        }
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void aNopPrepOnAReusedSlotLeavesNothingOfTheOperationBefore(RingVariant v) {
        ring = v.build(4);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(64);
            for (int lap = 0; lap < 2; lap++) {
                lapOfDisarmedReads(buf);
                for (int i = 0; i < ring.sqEntries(); i++) {
                    Sqe sqe = ring.nextSqe().nop().userData(i);
                    MemorySegment raw = sqe.raw();
                    assertEquals(-1, raw.get(JAVA_INT, 4), "fd");
                    assertEquals(0, raw.get(JAVA_LONG, 8), "off");
                    assertEquals(0, raw.get(JAVA_LONG, 16), "addr");
                    assertEquals(0, raw.get(JAVA_LONG, 24), "len and op flags");
                    assertEquals(i, raw.get(JAVA_LONG, 32), "user data");
                    assertEquals(0, sqe.flags(), "flags");
                    for (long off = 40; off < raw.byteSize(); off++) {
                        assertEquals(0, raw.get(JAVA_BYTE, off), "byte " + off + " on " + v);
                    }
                }
                drain(ring.sqEntries());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RingVariant.class)
    void completionsAcrossTheWrapPointArriveOnceEachInOrder(RingVariant v) {
        ring = v.build(8);
        int cqEntries = ring.cqEntries();
        int batch = 5; // coprime with the CQ size, so batches straddle the wrap point at every offset
        long next = 0;
        List<Long> seen = new ArrayList<>();
        for (int round = 0; round < 4 * cqEntries; round++) {
            for (int i = 0; i < batch; i++) {
                ring.nextSqe().nop().userData(next + i);
            }
            seen.clear();
            ring.submitAndWait(batch);
            while (seen.size() < batch) {
                ring.forEachCompletion((ud, res, flags) -> seen.add(ud));
                if (seen.size() < batch) {
                    ring.submitAndWait(batch - seen.size());
                }
            }
            for (int i = 0; i < batch; i++) {
                assertEquals(next + i, seen.get(i), "completion " + i + " of round " + round + " on " + v);
            }
            next += batch;
        }
        assertEquals(0, ring.cqReady(), "nothing left behind");
    }

    /**
     * Fills every SQ slot with a read that sets most fields (and the big-SQE area), disarmed into a NOP
     * so that stdin is never read, and reaps them.
     */
    private void lapOfDisarmedReads(MemorySegment buf) {
        for (int i = 0; i < ring.sqEntries(); i++) {
            Sqe sqe = ring.nextSqe().read(0, buf, 4096).userData(1000 + i).link();
            if (sqe.raw().byteSize() == 128) {
                sqe.cmd().fill((byte) 0x5A);
            }
            sqe.raw().set(JAVA_BYTE, 0, (byte) Opcode.NOP);
            sqe.raw().set(JAVA_BYTE, 1, (byte) 0); // unlinked: each NOP stands alone
        }
        drain(ring.sqEntries());
    }

    private void drain(int n) {
        int[] got = {0};
        ring.submitAndWait(n);
        while (got[0] < n) {
            ring.forEachCompletion((ud, res, flags) -> got[0]++);
            if (got[0] < n) {
                ring.submitAndWait(n - got[0]);
            }
        }
    }
}
