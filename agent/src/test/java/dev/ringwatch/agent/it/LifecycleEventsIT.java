package dev.ringwatch.agent.it;

import dev.ringwatch.programs.CleanSqpollRings;
import dev.ringwatch.programs.LongLived;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lifecycle events and statistics a recording gets from the agent. */
class LifecycleEventsIT {
    /** FileSlotUpdated is per-call, off unless a recording asks for it (ringwatch-profile.jfc does). */
    private static final String SLOT_EVENTS_ON = "+dev.ringwatch.FileSlotUpdated#enabled=true";

    @Test
    void everyRingIsCreatedAndClosedOnceAndTheModelEndsEmpty() throws Exception {
        ChildRun run = ChildJvm.of("lifecycle-200-sqpoll", CleanSqpollRings.class, "200")
                .recordingOptions(SLOT_EVENTS_ON).run();
        assertEquals(0, run.exitCode(), run.where());
        List<RecordedEvent> created = run.events("dev.ringwatch.RingCreated");
        List<RecordedEvent> closed = run.events("dev.ringwatch.RingClosed");
        assertEquals(200, created.size());
        assertEquals(200, closed.size());
        Set<Long> ids = new HashSet<>();
        for (RecordedEvent e : created) {
            assertTrue(ids.add(e.getLong("ringId")));
            assertEquals("SQPOLL|NO_SQARRAY", e.getString("setupFlags"));
            assertEquals("ring-core", e.getString("library"));
            assertEquals(1, e.getLong("sqThreadIdle"), "sqThreadIdle in ms");
        }
        for (RecordedEvent e : closed) {
            assertTrue(ids.remove(e.getLong("ringId")), "closed a created ring: " + e);
            assertTrue(e.getLong("age") > 0);
            assertEquals("ring-core", e.getString("library"));
        }
        assertEquals(400, run.events("dev.ringwatch.FileSlotUpdated").size(), "200 registered + 100 released"
                + " + 100 confirmed");
        assertEquals("0", run.value("LIVE_RINGS"));
        assertEquals("0", run.value("TRACKED"), "nothing left in the model");
        assertEquals("0", run.value("SQPOLL_THREADS"), "every iou-sqp thread exited");
    }

    @Test
    void statisticsReportTheTrackersCounts() throws Exception {
        ChildRun run = ChildJvm.of("lifecycle-statistics", LongLived.class)
                .recordingOptions("+dev.ringwatch.RingStatistics#period=100ms," + SLOT_EVENTS_ON).run();
        List<RecordedEvent> stats = run.events("dev.ringwatch.RingStatistics");
        assertTrue(stats.size() >= 3, stats.size() + " statistics events; " + run.where());
        assertEquals(2, stats.stream().mapToInt(e -> e.getInt("liveRings")).max().orElse(-1));
        assertEquals(1, stats.stream().mapToInt(e -> e.getInt("sqpollRings")).max().orElse(-1));
        assertEquals(3, stats.stream().mapToInt(e -> e.getInt("occupiedSlotsTracked")).max().orElse(-1));
        assertEquals(1, stats.stream().mapToInt(e -> e.getInt("pendingReleases")).max().orElse(-1));
        assertEquals(0, stats.stream().mapToLong(e -> e.getLong("leaksReported")).max().orElse(-1));

        List<RecordedEvent> slots = run.events("dev.ringwatch.FileSlotUpdated");
        assertEquals(4, slots.stream().filter(e -> e.getString("action").equals("registered")).count());
        assertEquals(1, slots.stream().filter(e -> e.getString("action").equals("released")).count());
        assertEquals(0, slots.stream().filter(e -> e.getString("action").equals("drop confirmed")).count(),
                "the program never reaps the tag completion");
    }
}
