package dev.ringwatch.agent.it;

import dev.ringwatch.programs.CapRings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Option maxTracked: what the tracker drops at its cap is ring-core's, never a leak or an untracked ring. */
class TrackingCapIT {
    private static final String OPTIONS = "maxTracked=16,reconcilePeriod=100ms";

    @Test
    void ringsBeyondTheCap_closedProperly_noLeakNoUntracked_oneCapLine() throws Exception {
        ChildRun run = ChildJvm.of("cap-rings", CapRings.class).agentOptions(OPTIONS).run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals(List.of(), run.logRecords("ringwatch LEAK"), run.where());
        assertEquals(List.of(), run.events("dev.ringwatch.UntrackedRing"), run.where());
        assertEquals(List.of(), run.events("dev.ringwatch.SqpollThreadLeak"), run.where());
        assertEquals("0", run.value("LEAKS"), run.where());
        assertTrue(Long.parseLong(run.value("DROPPED")) > 0, "the cap was reached; " + run.where());
        List<String> cap = run.logRecords("ringwatch: tracking cap reached");
        assertEquals(1, cap.size(), run.where());
        assertTrue(cap.getFirst().contains("maxTracked=16") && cap.getFirst().contains("not watched"), cap.getFirst());
    }

    @Test
    void rawRingBesideRingsBeyondTheCap_isTheOnlyUntrackedRing() throws Exception {
        ChildRun run = ChildJvm.of("cap-rings-raw", CapRings.class, "raw").agentOptions(OPTIONS).run();
        assertEquals(0, run.exitCode(), run.where());
        // the raw ring holds no SQPOLL thread and no slot: one INFO UNTRACKED line, not a leak
        assertEquals(1, run.logRecords("ringwatch UNTRACKED io_uring fd ").size(), run.where());
        assertEquals(List.of(), run.logRecords("ringwatch LEAK"), run.where());
        assertEquals(1, run.events("dev.ringwatch.UntrackedRing").size(), run.where());
    }
}
