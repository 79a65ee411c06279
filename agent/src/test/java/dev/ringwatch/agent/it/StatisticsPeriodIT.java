package dev.ringwatch.agent.it;

import dev.ringwatch.programs.Lingers;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RingStatistics comes once per reconcilePeriod unless the recording chose its own period. */
class StatisticsPeriodIT {

    @Test
    void followsReconcilePeriodInARecordingThatNamesNoPeriod() throws Exception {
        // 3 s at 200 ms: about 15; at the built-in 5 s (before the fix) at most one
        ChildRun run = ChildJvm.of("stats-period-follows", Lingers.class, "3000")
                .agentOptions("reconcilePeriod=200ms").run();
        assertEquals(0, run.exitCode(), run.where());
        int samples = run.events("dev.ringwatch.RingStatistics").size();
        assertTrue(samples >= 6, samples + " RingStatistics in 3 s at reconcilePeriod=200ms; " + run.where());
    }

    @Test
    void keepsAPeriodTheRecordingChose() throws Exception {
        ChildRun run = ChildJvm.of("stats-period-kept", Lingers.class, "3000")
                .agentOptions("reconcilePeriod=100ms")
                .recordingOptions("+dev.ringwatch.RingStatistics#period=2s").run();
        assertEquals(0, run.exitCode(), run.where());
        int samples = run.events("dev.ringwatch.RingStatistics").size();
        assertTrue(samples >= 1 && samples <= 3, samples + " RingStatistics in 3 s at period=2s; " + run.where());
    }
}
