package dev.ringwatch.agent.report;

import dev.ringwatch.agent.report.RecordingReport.ExitSummary;
import java.time.Instant;
import java.util.List;
import jdk.jfr.consumer.RecordedEvent;

/** Keeps the latest OpenAtExit event: a JVM exits once, so more than one means a file assembled from several runs. */
final class ExitSummaryCollector {

    private RecordedEvent latest;
    private Instant latestAt;
    private int events;

    void openAtExit(RecordedEvent event) {
        events++;
        if (latestAt == null || !event.getStartTime().isBefore(latestAt)) {
            latest = event;
            latestAt = event.getStartTime();
        }
    }

    /** Null when the recording has no OpenAtExit. */
    ExitSummary build(int top) {
        if (latest == null) {
            return null;
        }
        List<String> lines = CreationStacks.frames(EventFields.string(latest, "summary"));
        return new ExitSummary(latestAt, EventFields.intValue(latest, "openRings", 0),
                EventFields.intValue(latest, "sqpollRings", 0), EventFields.intValue(latest, "occupiedSlots", 0),
                EventFields.intValue(latest, "pendingReleases", 0), Listings.first(lines, top), events);
    }
}
