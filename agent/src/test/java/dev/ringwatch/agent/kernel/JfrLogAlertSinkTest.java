package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.finding.Rule;
import dev.ringwatch.agent.finding.SampleFindings;

import dev.ringwatch.jfr.FileSlotLeakEvent;
import dev.ringwatch.jfr.RingLeakEvent;
import dev.ringwatch.jfr.RingwatchEvents;
import dev.ringwatch.jfr.SlotReleaseStalledEvent;
import dev.ringwatch.jfr.SocketDriftEvent;
import dev.ringwatch.jfr.SqpollThreadLeakEvent;
import dev.ringwatch.jfr.UntrackedRingEvent;
import jdk.jfr.Event;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default sink: one JFR event and one WARNING line per alert, fault lines at WARNING without LEAK. */
class JfrLogAlertSinkTest {
    @TempDir
    Path dir;

    /** One finding of each kernel rule, in the order of the vocabulary. */
    static final List<Finding> ONE_OF_EACH = SampleFindings.KERNEL;

    @Test
    void eachAlertCommitsItsJfrEventAndLogsOneLeakLine() throws IOException {
        RecordingLogger log = new RecordingLogger();
        JfrLogAlertSink sink = new JfrLogAlertSink(log);
        Path file = dir.resolve("alerts.jfr");
        try (Recording r = new Recording()) {
            for (Class<? extends Event> type : RingwatchEvents.ALL) {
                r.enable(type);
            }
            r.start();
            ONE_OF_EACH.forEach(f -> sink.report(Alert.of(f)));
            r.stop();
            r.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        RecordedEvent ringLeak = only(events, RingLeakEvent.NAME);
        assertEquals(RingLeakEvent.REASON_CLOSED_BUT_MAPPED, ringLeak.getString("reason"));
        assertEquals(16384, ringLeak.getLong("bytesMapped"));
        assertEquals(4242, ringLeak.getInt("sqThreadTid"));
        assertTrue(ringLeak.getBoolean("severe"));
        List<RecordedEvent> threads = events.stream()
                .filter(e -> e.getEventType().getName().equals(SqpollThreadLeakEvent.NAME)).toList();
        assertEquals(2, threads.size());
        assertEquals(SqpollThreadLeakEvent.REASON_OUTLIVED_RING, threads.get(0).getString("reason"));
        assertEquals(4, threads.get(0).getLong("ringId"));
        assertEquals(SqpollThreadLeakEvent.REASON_NO_TRACKED_RING, threads.get(1).getString("reason"));
        assertEquals(0, threads.get(1).getLong("ringId"));
        RecordedEvent untracked = only(events, UntrackedRingEvent.NAME);
        assertEquals(20, untracked.getInt("ringFd"));
        assertEquals(2, untracked.getInt("occupiedSlots"));
        RecordedEvent slotLeak = only(events, FileSlotLeakEvent.NAME);
        assertEquals(FileSlotLeakEvent.REASON_FD_CLOSED_UNDER_SLOT, slotLeak.getString("reason"));
        assertEquals("socket:[18868]", slotLeak.getString("file"));
        assertEquals("Conn.open(Conn.java:5)", slotLeak.getString("creationStack"));
        RecordedEvent stalled = only(events, SlotReleaseStalledEvent.NAME);
        assertEquals("POLL_ADD multishot on slot 0 (user data 0x7)", stalled.getString("oldestInFlight"));
        assertEquals(3, stalled.getInt("pendingReleases"));
        RecordedEvent drift = only(events, SocketDriftEvent.NAME);
        assertEquals(1100, drift.getLong("socketsUsedEnd"));
        assertEquals(96, drift.getInt("unheldSockets"));

        assertEquals(ONE_OF_EACH.size(), log.lines.size());
        for (int i = 0; i < ONE_OF_EACH.size(); i++) {
            RecordingLogger.Line line = log.lines.get(i);
            Finding f = ONE_OF_EACH.get(i);
            assertEquals(System.Logger.Level.WARNING, line.level());
            assertTrue(line.text().startsWith("ringwatch LEAK " + f.rule().title() + ": "), line.text());
            if (f.rule() == Rule.UNTRACKED_RING) {
                assertTrue(line.text().contains("untracked"), line.text());
            }
        }
    }

    @Test
    void faultLinesAreWarningsWithoutLeak() {
        RecordingLogger log = new RecordingLogger();
        new JfrLogAlertSink(log).fault(FaultLog.line("cannot read /proc/self/maps"));
        assertEquals(1, log.lines.size());
        assertEquals(System.Logger.Level.WARNING, log.lines.getFirst().level());
        assertEquals("ringwatch: reconciler: cannot read /proc/self/maps", log.lines.getFirst().text());
        assertFalse(log.lines.getFirst().text().contains("LEAK"));
    }

    @Test
    void anUntrackedRingHoldingNothingIsOneInfoLineNotALeak() {
        RecordingLogger log = new RecordingLogger();
        new JfrLogAlertSink(log).report(Alert.of(new Finding.UntrackedRing(18, 777, -1, 0,
                "SqThread -1, UserFiles 0, UserBufs 0")));
        assertEquals(1, log.lines.size());
        assertEquals(System.Logger.Level.INFO, log.lines.getFirst().level());
        String line = log.lines.getFirst().text();
        assertTrue(line.startsWith("ringwatch UNTRACKED io_uring fd 18 (inode 777) is untracked: no adapter"), line);
        assertTrue(line.contains("it holds no SQPOLL thread and no occupied fixed-file slot, so it is not reported as"
                + " a leak"), line);
        assertFalse(line.contains("LEAK"), line);
    }

    @Test
    void withoutARecordingOnlyTheLineIsWritten() {
        RecordingLogger log = new RecordingLogger();
        new JfrLogAlertSink(log).report(Alert.of(ONE_OF_EACH.getFirst()));
        assertEquals(1, log.lines.size());
    }

    private static RecordedEvent only(List<RecordedEvent> events, String name) {
        List<RecordedEvent> found = events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
        assertEquals(1, found.size(), name + " events: " + found);
        return found.getFirst();
    }
}
