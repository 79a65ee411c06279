package dev.ringwatch.agent.finding;

import dev.ringwatch.jfr.RingLeakEvent;
import dev.ringwatch.jfr.RingPileUpEvent;
import dev.ringwatch.jfr.RingwatchEvents;
import jdk.jfr.Event;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one place that turns findings into JFR events: every kind of finding commits exactly one event. */
class FindingEventsTest {
    @TempDir
    Path dir;

    @Test
    void theSamplesCoverEveryKindOfFinding() {
        Set<Class<?>> sampled = new HashSet<>();
        SampleFindings.ONE_OF_EACH.forEach(f -> sampled.add(f.getClass()));
        assertEquals(new HashSet<>(SampleFindings.recordTypes()), sampled);
    }

    @Test
    void everyFindingCommitsOneEvent_pileUpAndOutlivedThreadIncluded() throws Exception {
        Path file = dir.resolve("findings.jfr");
        try (Recording r = new Recording()) {
            for (Class<? extends Event> type : RingwatchEvents.ALL) {
                r.enable(type);
            }
            r.start();
            SampleFindings.ONE_OF_EACH.forEach(FindingEvents::commit);
            r.stop();
            r.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        assertEquals(SampleFindings.ONE_OF_EACH.size(), events.size(), events.toString());

        RecordedEvent pileUp = only(events, RingPileUpEvent.NAME);
        assertEquals("netty", pileUp.getString("library"));
        assertEquals("app.Client.connect(Client.java:30)", pileUp.getString("creationSite"));
        assertEquals(20, pileUp.getInt("openRings"));
        assertEquals(20, pileUp.getInt("sqpollThreads"));
        assertEquals(3, pileUp.getInt("growingWindows"));
        assertEquals(9_000_000_000L, pileUp.getDuration("oldestAge").toNanos());
        assertEquals("main", pileUp.getString("creatingThread"));

        List<RecordedEvent> ringLeaks = events.stream()
                .filter(e -> e.getEventType().getName().equals(RingLeakEvent.NAME)).toList();
        assertEquals(3, ringLeaks.size());
        RecordedEvent threadGone = ringLeaks.stream()
                .filter(e -> e.getString("reason").equals(RingLeakEvent.REASON_THREAD_GONE)).findFirst().orElseThrow();
        assertEquals(7, threadGone.getLong("ringId"));
        assertEquals("netty", threadGone.getString("library"));
        assertTrue(threadGone.getBoolean("severe"));
        assertEquals(-1, threadGone.getInt("sqThreadTid"));
        assertEquals(8192, threadGone.getLong("bytesMapped"));
        assertEquals("app.Server.start(Server.java:42)", threadGone.getString("creationStack"));
        assertEquals(Set.of(RingLeakEvent.REASON_OWNER_GONE, RingLeakEvent.REASON_CLOSED_BUT_MAPPED,
                        RingLeakEvent.REASON_THREAD_GONE),
                Set.copyOf(ringLeaks.stream().map(e -> e.getString("reason")).toList()));
    }

    private static RecordedEvent only(List<RecordedEvent> events, String name) {
        List<RecordedEvent> found = events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
        assertEquals(1, found.size(), name + " events: " + found);
        return found.getFirst();
    }
}
