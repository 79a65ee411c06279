package dev.ringwatch.agent.it;

import dev.ringwatch.programs.CleanLifecycles;
import dev.ringwatch.programs.LongLived;
import dev.ringwatch.programs.ShortLivedFdClosed;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Open at exit": one line and one event for what the application never closed. */
class ExitSummaryIT {

    @Test
    void externalRecordingGetsOneOpenAtExitEventAndTheLogOneSummary() throws Exception {
        ChildRun run = ChildJvm.of("exit-external-recording", LongLived.class).run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("2", run.value("LIVE_RINGS"));
        assertEquals("1", run.value("SQPOLL_RINGS"));
        assertEquals("3", run.value("OCCUPIED"));
        assertEquals("1", run.value("PENDING"));

        List<RecordedEvent> events = run.events("dev.ringwatch.OpenAtExit");
        assertEquals(1, events.size(), run.where());
        RecordedEvent e = events.get(0);
        assertEquals(2, e.getInt("openRings"));
        assertEquals(1, e.getInt("sqpollRings"));
        assertEquals(3, e.getInt("occupiedSlots"));
        assertEquals(1, e.getInt("pendingReleases"));
        List<String> lines = run.logRecords("ringwatch OPEN AT EXIT: ");
        assertEquals(1, lines.size(), run.where());
        String line = lines.get(0);
        assertTrue(line.startsWith("ringwatch OPEN AT EXIT: 2 rings (1 SQPOLL) and 3 fixed-file slots still open,"
                + " 1 released slot awaiting the kernel's confirmation"), line);
        assertTrue(line.contains("\n\tSQPOLL ring fd=") && line.contains("created at dev.ringwatch.programs.LongLived.main("),
                line);
        assertEquals(line, e.getString("summary"));
        assertEquals(0, run.events("dev.ringwatch.RingLeak").size(), "open at exit is not a leak");
    }

    @Test
    void shortLivedJvm_fdsClosedUnderSlotsAreReportedAtExitBeforeTheSummary() throws Exception {
        ChildRun run = ChildJvm.of("exit-short-lived-fd-closed", ShortLivedFdClosed.class).run();
        assertEquals(0, run.exitCode(), run.where());
        assertTrue(Long.parseLong(run.value("KERNEL_LEAKS_BEFORE_EXIT")) <= 0, "no round concluded while it ran; "
                + run.where());
        assertEquals(2, run.leakLines("fd closed under slot").size(), run.where());
        List<RecordedEvent> leaks = run.events("dev.ringwatch.FileSlotLeak");
        assertEquals(2, leaks.size(), "in the recording JFR wrote at exit; " + run.where());
        List<String> summary = run.logRecords("ringwatch OPEN AT EXIT: ");
        assertEquals(1, summary.size(), run.where());
        assertEquals(2, summary.getFirst().split(" slots=1 \\(1 reported as leaked\\)", -1).length - 1,
                summary.getFirst());
        String err = run.stderr();
        assertTrue(err.lastIndexOf("ringwatch LEAK fd closed under slot") < err.indexOf("ringwatch OPEN AT EXIT"),
                "the leaks come before the summary; " + run.where());
    }

    @Test
    void agentsOwnRecordingHoldsTheExitSummary() throws Exception {
        Path file = ChildJvm.runDir("exit-own-recording-file").resolve("ringwatch.jfr");
        ChildRun run = ChildJvm.of("exit-own-recording", LongLived.class).withoutRecording()
                .agentOptions("jfr=" + file).run();
        assertEquals(0, run.exitCode(), run.where());
        assertTrue(Files.isRegularFile(file), run.where());
        List<RecordedEvent> all = RecordingFile.readAllEvents(file);
        assertEquals(1, all.stream().filter(e -> e.getEventType().getName().equals("dev.ringwatch.OpenAtExit")).count());
        assertEquals(2, all.stream().filter(e -> e.getEventType().getName().equals("dev.ringwatch.RingCreated")).count());
        assertTrue(all.stream().anyMatch(e -> e.getEventType().getName().equals("jdk.JVMInformation")),
                "ringwatch.jfc includes the JDK's default events");
    }

    @Test
    void exitSummaryCanBeSwitchedOff() throws Exception {
        ChildRun run = ChildJvm.of("exit-off", LongLived.class).agentOptions("exitSummary=false").run();
        assertEquals(0, run.events("dev.ringwatch.OpenAtExit").size(), run.where());
        assertTrue(run.logRecords("ringwatch OPEN AT EXIT").isEmpty(), run.where());
    }

    @Test
    void nothingOpenNothingSummarised() throws Exception {
        ChildRun run = ChildJvm.of("exit-clean", CleanLifecycles.class).run();
        assertEquals(0, run.events("dev.ringwatch.OpenAtExit").size(), run.where());
        assertTrue(run.logRecords("ringwatch OPEN AT EXIT").isEmpty(), run.where());
    }
}
