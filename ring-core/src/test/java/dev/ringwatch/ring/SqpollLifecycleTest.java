package dev.ringwatch.ring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing a ring must free it in the kernel: no {@code iou-sqp} thread and no io_uring mapping may stay.
 * liburing 2.5-2.8 got this wrong for SQE128 from depth 33 up (it unmapped half the SQE array).
 */
class SqpollLifecycleTest {

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {33, 64, 65, 128, 256, 512, 1024, 2048, 4096})
    void closedSqpollSqe128Cqe32RingsLeaveNoThreadAndNoMapping(int depth) throws InterruptedException {
        ProcState.awaitNoSqpollThreads();
        long threadsBefore = 0;
        List<IoUring> rings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            IoUring r = IoUring.builder().entries(depth).sqpoll(Duration.ofMillis(10)).sqe128().cqe32().build();
            r.nextSqe().nop().userData(i);
            Completions.awaitOne(r);
            rings.add(r);
        }
        assertEquals(threadsBefore + 5, ProcState.sqpollThreads(), "each SQPOLL ring has its own thread");
        assertEquals(5 * 2, ProcState.ringMappings().size(), "rings + sqes mapped per ring");
        rings.forEach(IoUring::close);
        assertTrue(ProcState.await(Duration.ofSeconds(15), () -> ProcState.sqpollThreads() == threadsBefore),
                "iou-sqp threads left after close: " + ProcState.sqpollThreads());
        assertEquals(List.of(), ProcState.ringMappings());
    }

    @Test
    void ringsCreatedAndClosedInALoopDoNotPileUp() throws InterruptedException {
        ProcState.awaitNoSqpollThreads();
        long threadsBefore = 0;
        long fdsBefore = ProcState.ringFds();
        for (int i = 0; i < 200; i++) {
            try (IoUring r = IoUring.builder().entries(64).sqpoll(Duration.ofMillis(5)).sqe128().cqe32().build()) {
                r.nextSqe().nop();
                r.submit();
            }
        }
        assertTrue(ProcState.await(Duration.ofSeconds(15), () -> ProcState.sqpollThreads() == threadsBefore),
                "iou-sqp threads piled up: " + ProcState.sqpollThreads());
        assertEquals(fdsBefore, ProcState.ringFds());
        assertEquals(List.of(), ProcState.ringMappings());
    }

    @Test
    void aSleepingSqpollThreadIsWokenForNewWork() throws InterruptedException {
        try (IoUring r = IoUring.builder().entries(8).sqpoll(Duration.ofMillis(1)).build()) {
            for (int round = 0; round < 20; round++) {
                Thread.sleep(10); // longer than the idle time: the thread goes to sleep and sets NEED_WAKEUP
                r.nextSqe().nop().userData(round);
                assertEquals(round, Completions.awaitOne(r).userData(), "round " + round + " lost its wake-up");
            }
        }
    }

    @Test
    void attachedRingsShareOneSqpollThread() throws InterruptedException {
        ProcState.awaitNoSqpollThreads();
        long before = 0;
        try (IoUring first = IoUring.builder().sqpoll(Duration.ofMillis(50)).build();
             IoUring second = IoUring.builder().sqpoll(Duration.ofMillis(50)).attachWq(first).build()) {
            assertEquals(first, second.attachedTo());
            assertTrue((second.setupFlags() & SetupFlags.ATTACH_WQ) != 0);
            second.nextSqe().nop().userData(2);
            first.nextSqe().nop().userData(1);
            assertEquals(2, Completions.awaitOne(second).userData());
            assertEquals(1, Completions.awaitOne(first).userData());
            assertEquals(before + 1, ProcState.sqpollThreads(), "ATTACH_WQ shares the SQ thread");
        }
        assertTrue(ProcState.await(Duration.ofSeconds(15), () -> ProcState.sqpollThreads() == before));
    }

    @Test
    void fdinfoShowsTheSqpollThreadAndItsCpu() throws Exception {
        try (IoUring r = IoUring.builder().sqpoll(Duration.ofMillis(50)).sqpollCpu(0).build()) {
            String info = ProcState.fdinfo(r.fd());
            assertTrue(info.matches("(?s).*SqThread:\\s+\\d+.*"), info);
            assertTrue(info.matches("(?s).*SqThreadCpu:\\s+0\\b.*"), info);
            assertEquals(0, r.sqThreadCpu());
        }
    }
}
