package dev.ringwatch.sample;

import dev.ringwatch.sample.proc.ProcStats;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * socket-churn against the real kernel. "sockets: used" counts the whole network namespace, so the
 * assertions compare deltas with generous room for other processes' sockets.
 */
class SocketChurnTest {
    private static final int ITERATIONS = 100;

    @Test
    void releasingSlotsThenClosingFdsLeavesNoSockets() {
        Runs.Run r = Runs.inProcess("socket-churn", "--iterations", String.valueOf(ITERATIONS));
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(2 * ITERATIONS, r.number("released"), r::describe);
        assertEquals(2 * ITERATIONS, r.number("drops_confirmed"), "every release confirmed by a tag CQE\n" + r.out());
        assertEquals(1, r.number("kernel_slots"), "only the listener's slot is left\n" + r.out());
        // one wake-up per queued connection; the kernel may merge wake-ups, never invent them
        long polls = r.number("poll_events");
        assertTrue(polls >= ITERATIONS / 2 && polls <= ITERATIONS, "the listener's multishot poll stayed armed\n" + r.out());
        assertTrue(r.number("sockets_used_delta") < ITERATIONS / 2, r::describe);
        assertTrue(r.out().contains("sockets: used"), r::describe);
    }

    @Test
    void closeFdFirstKeepsEverySocketInTheKernelWhileTheFdCountStaysFlat() throws Exception {
        Runs.Run clean = Runs.inProcess("socket-churn", "--iterations", String.valueOf(ITERATIONS));
        Runs.Run leaky = Runs.inProcess("socket-churn", "--iterations", String.valueOf(ITERATIONS), "--close-fd-first");
        assertEquals(0, leaky.exitCode(), leaky::describe);
        long extra = leaky.number("sockets_used_delta") - clean.number("sockets_used_delta");
        assertTrue(extra >= ITERATIONS * 3 / 2, "expected about " + 2 * ITERATIONS + " more sockets used, got " + extra
                + "\n" + leaky.out());
        assertTrue(Math.abs(leaky.number("fds_delta")) < 10, "fds must not grow:\n" + leaky.out());
        assertEquals(2 * ITERATIONS, leaky.number("fd_closed_under_slot"), leaky::describe);
        assertEquals(1 + 2 * ITERATIONS, leaky.number("kernel_slots"), leaky::describe);
        assertEquals(0, leaky.number("released"), leaky::describe);
        // once the command closed its ring, the kernel let the sockets go
        ProcStats proc = new ProcStats();
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (proc.socketsUsed() > leaky.number("sockets_used_end") - ITERATIONS && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(proc.socketsUsed() <= leaky.number("sockets_used_end") - ITERATIONS,
                "sockets still used after the ring closed: " + proc.socketsUsed());
    }

    @Test
    void forgottenSlotHandlesKeepTheirSockets() {
        Runs.Run r = Runs.inProcess("socket-churn", "--iterations", "40", "--forget-release-every", "10");
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(8, r.number("forgotten"), r::describe);
        assertEquals(9, r.number("kernel_slots"), "listener + 4 forgotten pairs\n" + r.out());
        assertEquals(72, r.number("released"), r::describe);
        assertEquals(72, r.number("drops_confirmed"), r::describe);
        assertTrue(r.number("sockets_used_delta") >= 6, r::describe);
    }
}
