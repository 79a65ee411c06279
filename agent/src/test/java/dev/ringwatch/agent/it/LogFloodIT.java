package dev.ringwatch.agent.it;

import dev.ringwatch.programs.SlotFlood;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options logBurst and logPeriod: a flood of leaks from one site is a few full lines and a count; events stay one each. */
class LogFloodIT {

    @Test
    void hundredSlotLeaksFromOneSite_threeFullLinesThenOneSummary_hundredEvents() throws Exception {
        ChildRun run = ChildJvm.of("log-flood", SlotFlood.class, "100").agentOptions("slotStacks=all,logBurst=3,logPeriod=60s")
                .run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("100", run.value("LEAKS"), run.where());
        assertEquals(100, run.events("dev.ringwatch.FileSlotLeak").size(), run.where());
        List<String> lines = run.leakLines("slot outlived owner");
        assertEquals(4, lines.size(), run.where());
        for (String full : lines.subList(0, 3)) {
            assertTrue(full.contains("\tdev.ringwatch.programs.SlotFlood.leak("), full);
        }
        String summary = lines.get(3);
        assertTrue(summary.startsWith("ringwatch LEAK slot outlived owner: from dev.ringwatch.programs.SlotFlood.leak("),
                summary);
        // said at exit, before the 60 s period ended: the time is what the count really covers
        assertTrue(summary.matches("(?s).*: 3 logged in full, and 97 more slot leaks from this site in the last"
                + " \\d+(ms|\\.\\ds), the newest age=.*logBurst=3 and logPeriod=1m00s.*"), summary);
    }
}
