package dev.ringwatch.agent.report;

import static dev.ringwatch.agent.report.IncidentRecording.CONN_SITE;
import static dev.ringwatch.agent.report.IncidentRecording.SERVER_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The text report of a real recording of a known incident, as a person reads it. */
class ReportTextTest {

    static Path recording;
    static String text;

    @BeforeAll
    static void reportTheIncident() throws Exception {
        recording = IncidentRecording.shared();
        text = CommandRun.succeeded(recording.toString());
    }

    @Test
    void headerAndVerdictComeFirst() {
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(0).startsWith("ringwatch report: " + recording + " ("), lines.get(0));
        assertTrue(line("Recording").contains(" .. "), text);
        assertTrue(line("JVM").contains("pid " + ProcessHandle.current().pid()), text);
        assertTrue(line("Events").contains("RingCreated 6, RingClosed 4, FileSlotUpdated 9, RingLeak 4"), text);
        assertEquals("Verdict   10 leaks at 4 creation sites (5 severe: a kernel SQPOLL thread leaks too);"
                + " 6 kernel-side findings; 3 rings still open at the end", line("Verdict"));
    }

    @Test
    void sitesAreRankedSevereFirstWithTheirDetails() {
        int server = text.indexOf("#1 SEVERE 4 leaks created at " + SERVER_SITE);
        int none = text.indexOf("#2 SEVERE 1 leak created at (creation stack not recorded)");
        int conn = text.indexOf("#3 4 leaks created at " + CONN_SITE);
        int legacy = text.indexOf("#4 1 leak created at ");
        assertTrue(server > 0 && none > server && conn > none && legacy > conn, text);

        String serverBlock = text.substring(server, none);
        assertTrue(serverBlock.contains("reasons    RingLeak owner gone x3, SqpollThreadLeak outlived its ring x1"),
                serverBlock);
        assertTrue(serverBlock.contains("flags      SQPOLL, SQPOLL|SQE128"), serverBlock);
        assertTrue(serverBlock.contains("age        min 1.00 s, median 2.00 s, max 3.00 s"), serverBlock);
        assertTrue(serverBlock.contains("owners     com.example.Server x3, com.example.Poller x1"), serverBlock);
        assertTrue(serverBlock.contains("example    RingLeak: ring 3 fd 13, iou-sqp tid 4003"), serverBlock);
        assertTrue(serverBlock.contains("stack      " + SERVER_SITE + "\n"), serverBlock);
        assertTrue(serverBlock.contains("com.example.Main.main(Main.java:7)"), serverBlock);
        assertFalse(serverBlock.contains("IoUring$Builder"), "ring-core's frames are not the site: " + serverBlock);

        String connBlock = text.substring(conn, legacy);
        assertTrue(connBlock.contains("age        min 10.0 ms, median 25.0 ms, max 40.0 ms"), connBlock);
        assertTrue(connBlock.contains("example    FileSlotLeak: ring 6 fd 16, slot 0, app fd 50, socket:[19000]"),
                connBlock);
        String legacyBlock = text.substring(legacy, text.indexOf("KERNEL-SIDE FINDINGS"));
        assertTrue(legacyBlock.contains("(from RingCreated's stack trace)"), legacyBlock);
        assertTrue(legacyBlock.contains("age        500 ms\n"), "one age, not a distribution: " + legacyBlock);
        assertTrue(text.substring(none, conn).contains("example    SqpollThreadLeak: no tracked ring, iou-sqp tid 5000"),
                text);
    }

    @Test
    void kernelFindingsNameTheStallsCulpritAndTheDrift() {
        assertTrue(text.contains("KERNEL-SIDE FINDINGS: 6"), text);
        assertTrue(text.contains("SQPOLL threads leaked: 2"), text);
        assertTrue(text.contains("tid 4243 iou-sqp-4242: outlived its ring, ring 1 fd 11 SQPOLL, 200 ms after close;"
                + " ring created at " + SERVER_SITE), text);
        assertTrue(text.contains("Slot releases stalled (oldest in-flight op: POLL_ADD on slot 0 on ring 3,"
                + " in flight 5 min;"), text);
        int longest = text.indexOf("ring 3 fd 13 slot 4 tag 9 socket:[14]: released 30.0 s ago");
        int shorter = text.indexOf("ring 3 fd 13 slot 1 tag 2 socket:[11]: released 10.0 s ago");
        assertTrue(longest > 0 && shorter > longest, text);
        assertTrue(text.contains("+120 kernel sockets in 1 min (1000 -> 1120) while socket fds 10 -> 10"), text);
        assertTrue(text.contains("; 110 accepted connections held where nobody sees them"), text);
        assertTrue(text.contains("ring fd 77, 2 occupied slots (SqThread: -1, UserFiles: 16, UserBufs: 0)"), text);
    }

    @Test
    void timelineShowsPeakAndTheRingsLeftOpen() {
        assertTrue(text.contains("rings      6 created, 4 closed (1 of them open before the recording started);"
                + " peak 4 live at "), text);
        assertTrue(text.contains("3 still open at the end"), text);
        assertTrue(text.contains("ring 3 fd 13 SQPOLL|SQE128, open "), text);
        assertTrue(text.lines().filter(l -> l.contains(", LEAKED")).count() == 2, text);
        assertTrue(text.contains("slots      4 registered, 3 released, 2 drop confirmed; 1 occupied at the end;"
                + " 1 release never confirmed"), text);
        assertTrue(text.contains("kernel confirmed drops after median 4.00 ms, max 6.00 ms"), text);
    }

    @Test
    void statisticsAndExitSummary() {
        assertTrue(text.contains("STATISTICS: 3 RingStatistics samples"), text);
        String live = text.lines().filter(l -> l.strip().startsWith("Live Rings")).findFirst().orElseThrow();
        assertEquals(List.of("Live", "Rings", "2", "3", "2", "4"), List.of(live.strip().split("\\s+")));
        String sockets = text.lines().filter(l -> l.strip().startsWith("Kernel Sockets Used")).findFirst().orElseThrow();
        assertTrue(sockets.contains("(1 without a kernel reading)"), sockets);
        assertTrue(text.contains("OPEN AT EXIT: "), text);
        assertTrue(text.contains("3 rings open (2 SQPOLL), 1 slot occupied, 1 release pending"), text);
        assertTrue(text.contains("ring 6 fd 16 CQE32"), text);
    }

    @Test
    void topCutsListsAndSaysHowManyMore() {
        String top = CommandRun.succeeded(recording.toString(), "--top=1");
        assertTrue(top.contains("... and 3 more sites (--top 0 shows all)"), top);
        assertTrue(top.contains("... and 2 more (--top 0 shows all)"), top);
        assertFalse(top.contains("#2 "), top);
    }

    private static String line(String label) {
        return text.lines().filter(l -> l.startsWith(label)).findFirst().orElseThrow(() -> new AssertionError(
                "no line " + label + " in\n" + text));
    }
}
