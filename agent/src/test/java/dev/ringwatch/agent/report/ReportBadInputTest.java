package dev.ringwatch.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ringwatch.testsupport.CommandOutput;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way the input can be wrong ends in one clear line on stderr and a non-zero exit, never a stack trace. */
class ReportBadInputTest {

    @TempDir
    Path dir;

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.jfr");
        CommandOutput run = CommandRun.of(missing.toString());
        assertOneLineError(run, ReportCommand.EXIT_UNREADABLE, "ringwatch report: no such file: " + missing);
    }

    @Test
    void directory() {
        CommandOutput run = CommandRun.of(dir.toString());
        assertOneLineError(run, ReportCommand.EXIT_UNREADABLE, "ringwatch report: " + dir + " is a directory");
    }

    @Test
    void deviceIsRefusedWithoutReadingIt() {
        Path device = Path.of("/dev/null");
        CommandOutput run = CommandRun.of(device.toString());
        assertOneLineError(run, ReportCommand.EXIT_UNREADABLE,
                "ringwatch report: /dev/null is not a regular file, not a JFR recording");
    }

    @Test
    void textFileIsNotJfr() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.jfr"), "this is not a recording\n");
        CommandOutput run = CommandRun.of(text.toString());
        assertOneLineError(run, ReportCommand.EXIT_UNREADABLE,
                "ringwatch report: " + text + " is not a JFR recording");
    }

    @Test
    void emptyFile() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jfr"));
        CommandOutput run = CommandRun.of(empty.toString(), "--json");
        assertOneLineError(run, ReportCommand.EXIT_UNREADABLE, "ringwatch report: " + empty + " is empty (0 bytes)");
    }

    @Test
    void gzippedRecordingSaysToGunzip() throws Exception {
        Path recording = IncidentRecording.write(dir);
        Path gz = dir.resolve("incident.jfr.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(recording, out);
        }
        CommandOutput run = CommandRun.of(gz.toString());
        assertOneLineError(run, ReportCommand.EXIT_UNREADABLE, "ringwatch report: " + gz + " is not a JFR recording");
        assertTrue(run.err().contains("gunzip it first"), run.toString());
    }

    /** Where a recording is cut short: in the middle (a crash), or by its last byte (a copy still in progress). */
    enum Cut {
        HALF(false),
        LAST_BYTE(true);

        /** Whether the report is asked for in JSON: the recording is refused the same way in both formats. */
        final boolean json;

        Cut(boolean json) {
            this.json = json;
        }

        int keep(int length) {
            return this == HALF ? length / 2 : length - 1;
        }
    }

    @ParameterizedTest
    @EnumSource(Cut.class)
    void truncatedRecording(Cut cut) throws Exception {
        byte[] bytes = Files.readAllBytes(IncidentRecording.write(dir));
        Path file = Files.write(dir.resolve("cut.jfr"), Arrays.copyOf(bytes, cut.keep(bytes.length)));
        CommandOutput run = cut.json ? CommandRun.of(file.toString(), "--json") : CommandRun.of(file.toString());
        assertOneLineError(run, ReportCommand.EXIT_UNREADABLE, "ringwatch report: " + file + " is truncated");
        assertTrue(run.err().contains("jcmd <pid> JFR.dump"), run.toString());
    }

    @Test
    void recordingWithNoEventsAtAllSaysSoInASentence() throws Exception {
        Path empty = dir.resolve("empty.jfr");
        try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {   // no event enabled: none written
            recording.start();
            recording.stop();
            recording.dump(empty);
        }
        CommandOutput text = CommandRun.of(empty.toString());
        assertEquals(0, text.exit(), text.toString());
        assertFalse(text.out().contains("Recording no events"), text.out());
        assertTrue(text.out().contains("Recording the recording holds no events at all (its settings enabled none,"
                + " or it was dumped before anything was recorded)"), text.out());
        assertTrue(text.out().contains("Events    none from ringwatch"), text.out());
    }

    @Test
    void recordingWithoutRingwatchEventsSaysSoAndSucceeds() throws Exception {
        Path plain = IncidentRecording.writeWithoutRingwatch(dir);
        CommandOutput text = CommandRun.of(plain.toString());
        assertEquals(0, text.exit(), text.toString());
        assertEquals("", text.err(), text.toString());
        assertTrue(text.out().contains("No ringwatch events in this recording"), text.out());
        assertTrue(text.out().contains("Events    none from ringwatch"), text.out());
        assertFalse(text.out().contains("LEAKS BY CREATION SITE"), text.out());

        CommandOutput json = CommandRun.of(plain.toString(), "--json");
        assertEquals(0, json.exit(), json.toString());
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertEquals(0, report.path("recording").path("ringwatchEvents").asLong());
        assertTrue(report.path("recording").path("totalEvents").asLong() > 0, "the JDK's events are there");
        assertEquals(0, report.path("leaks").path("total").asInt());
        assertEquals(0, report.path("timeline").path("rings").path("created").asInt());
        assertEquals(0, report.path("statistics").path("samples").asInt());
        assertTrue(report.path("openAtExit").isNull());
    }

    @Test
    void unknownOption() {
        CommandOutput run = CommandRun.of("--jsn", "x.jfr");
        assertEquals(ReportCommand.EXIT_USAGE, run.exit(), run.toString());
        assertTrue(run.err().startsWith("ringwatch report: unknown option --jsn\nusage: "), run.toString());
        assertEquals("", run.out());
    }

    @Test
    void noRecording() {
        CommandOutput run = CommandRun.of("--json");
        assertEquals(ReportCommand.EXIT_USAGE, run.exit(), run.toString());
        assertTrue(run.err().startsWith("ringwatch report: no recording given\nusage: "), run.toString());
    }

    @Test
    void twoRecordings() {
        CommandOutput run = CommandRun.of("a.jfr", "b.jfr");
        assertEquals(ReportCommand.EXIT_USAGE, run.exit(), run.toString());
        assertTrue(run.err().startsWith("ringwatch report: one recording at a time; got a.jfr and b.jfr"), run.toString());
    }

    @Test
    void badTopValue() {
        for (String[] args : new String[][] {{"x.jfr", "--top", "-3"}, {"x.jfr", "--top=many"}, {"x.jfr", "--top"}}) {
            CommandOutput run = CommandRun.of(args);
            assertEquals(ReportCommand.EXIT_USAGE, run.exit(), run.toString());
            assertTrue(run.err().startsWith("ringwatch report: --top needs a number"), run.toString());
        }
    }

    @Test
    void helpGoesToStdoutAndSucceeds() {
        CommandOutput run = CommandRun.of("--help");
        assertEquals(ReportCommand.EXIT_OK, run.exit());
        assertTrue(run.out().startsWith("usage: java -jar ringwatch-agent.jar report <recording.jfr>"), run.out());
        assertEquals("", run.err());
    }

    private static void assertOneLineError(CommandOutput run, int exit, String start) {
        assertEquals(exit, run.exit(), run.toString());
        assertEquals("", run.out(), run.toString());
        assertTrue(run.err().startsWith(start), run.toString());
        assertEquals(1, run.err().lines().count(), "one line: " + run);
        assertFalse(run.err().contains("Exception"), "no exception names: " + run);
    }
}
