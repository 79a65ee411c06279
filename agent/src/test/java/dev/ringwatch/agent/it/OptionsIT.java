package dev.ringwatch.agent.it;

import dev.ringwatch.programs.AppRuns;
import dev.ringwatch.programs.CleanSqpollRings;
import dev.ringwatch.programs.DroppedFixedFile;
import dev.ringwatch.programs.ManySlots;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options from the agent argument, a JSON file and -D; bad input never keeps the application from running. */
class OptionsIT {

    @Test
    void badValuesAndUnknownKeysAreNamedAndTheAgentRunsWithDefaults() throws Exception {
        ChildRun run = ChildJvm.of("options-bad", DroppedFixedFile.class)
                .agentOptions("slotStacks=sometimes,bogus=1,maxTracked=abc,reclaim").run();
        assertEquals(0, run.exitCode(), run.where());
        assertLog(run, "ringwatch: bad value 'sometimes' for option slotStacks (from agent argument): valid:"
                + " off|sampled|all; using the default sampled");
        assertLog(run, "ringwatch: unknown option 'bogus' (from agent argument); valid options: config, enabled,"
                + " slotStacks, sampleInterval");
        assertLog(run, "ringwatch: bad value 'abc' for option maxTracked (from agent argument): not an integer; valid:"
                + " an integer from 16 to 10000000; using the default 50000");
        assertLog(run, "ringwatch: agent argument 'reclaim' is not key=value");
        assertEquals(1, run.leakLines("slot outlived owner").size(), "the agent still works; " + run.where());
    }

    @Test
    void corruptConfigFileLeavesTheAgentOffAndTheApplicationRunning() throws Exception {
        Path cfg = ChildJvm.runDir("options-corrupt-config-file").resolve("ringwatch.json");
        Files.writeString(cfg, "{ \"slotStacks\": \"all\", ");
        ChildRun run = ChildJvm.of("options-corrupt-config", AppRuns.class).agentOptions("config=" + cfg).run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("ran", run.value("APP"));
        assertEquals("1", run.value("COMPLETIONS"));
        List<String> lines = run.logRecords("ringwatch agent not started: cannot read config file " + cfg);
        assertEquals(1, lines.size(), run.where());
        assertTrue(lines.get(0).endsWith("; the application runs without it"), lines.get(0));
        assertTrue(run.ringwatchEvents().isEmpty(), "nothing instrumented; " + run.where());
    }

    @Test
    void configFifoDoesNotHoldUpTheStart() throws Exception {
        Path fifo = ChildJvm.runDir("options-fifo-config-file").resolve("ringwatch.fifo");
        Files.deleteIfExists(fifo);
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        // before the fix the JVM blocked in premain opening the FIFO, and the child run timed out
        ChildRun run = ChildJvm.of("options-fifo-config", AppRuns.class).agentOptions("config=" + fifo).run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("ran", run.value("APP"));
        List<String> lines = run.logRecords("ringwatch agent not started: cannot read config file " + fifo
                + " (option config from agent argument): not a regular file");
        assertEquals(1, lines.size(), run.where());
    }

    @Test
    void configFileThatIsNotAnObjectIsRefused() throws Exception {
        Path cfg = ChildJvm.runDir("options-array-config-file").resolve("ringwatch.json");
        Files.writeString(cfg, "[\"slotStacks=all\"]");
        ChildRun run = ChildJvm.of("options-array-config", AppRuns.class).jvmArg("-Dringwatch.config=" + cfg).run();
        assertEquals("ran", run.value("APP"), run.where());
        assertLog(run, "ringwatch agent not started: config file " + cfg + " must hold one JSON object of options");
    }

    @Test
    void systemPropertiesOverrideTheAgentArgumentWhichOverridesTheFile() throws Exception {
        Path dir = ChildJvm.runDir("options-precedence-files");
        Path cfg = dir.resolve("ringwatch.json");
        Path json = dir.resolve("alerts.jsonl");
        Files.writeString(cfg, "{\"slotStacks\": \"off\", \"sampleInterval\": 7, \"jsonLog\": \"" + json + "\"}");
        ChildRun run = ChildJvm.of("options-precedence", DroppedFixedFile.class)
                .agentOptions("config=" + cfg + ",slotStacks=sampled")
                .jvmArg("-Dringwatch.slotStacks=all").run();
        String line = run.leakLines("slot outlived owner").get(0);
        assertTrue(line.contains("\n\tdev.ringwatch.programs.DroppedFixedFile.register("),
                "-D slotStacks=all won over the argument and the file; " + line);
        assertEquals(1, Files.readAllLines(json).stream().filter(l -> l.contains("\"type\":\"leak\"")).count(),
                "jsonLog came from the file");
    }

    @Test
    void aCleanRunSaysOnceAndFirstThatTheAgentRunsWithTheOptionsThatDifferFromTheDefaults() throws Exception {
        ChildRun run = ChildJvm.of("options-start-line", CleanSqpollRings.class, "20")
                .agentOptions("logBurst=7,reclaim=true").run();
        assertEquals("0", run.value("LEAKS"), run.where());
        List<String> agentLines = run.logRecords("ringwatch");
        assertEquals(1, agentLines.size(), "a clean run logs only the start line; " + run.where());
        assertTrue(agentLines.get(0).matches("ringwatch \\d+\\.\\d+\\.\\d+\\S* started \\(-javaagent, JDK "
                        + Runtime.version().feature() + "\\): watching ring-core's rings and fixed-file slots and Netty's"
                        + " io_uring rings, checked against /proc every 5s; options: reclaim=true, logBurst=7"),
                agentLines.get(0));
    }

    @Test
    void theStartLineComesBeforeTheFirstLeakLine() throws Exception {
        ChildRun run = ChildJvm.of("options-start-line-first", DroppedFixedFile.class).run();
        List<String> agentLines = run.logRecords("ringwatch");
        assertTrue(agentLines.size() >= 2, run.where());
        assertTrue(agentLines.get(0).contains(" started (-javaagent") && agentLines.get(0).endsWith("options: all defaults"),
                agentLines.get(0));
        assertEquals(1, agentLines.stream().filter(l -> l.contains(" started (")).count(), run.where());
        assertEquals(1, run.leakLines("slot outlived owner").size(), run.where());
    }

    @Test
    void enabledFalseInstrumentsNothing() throws Exception {
        ChildRun run = ChildJvm.of("options-disabled", AppRuns.class).jvmArg("-Dringwatch.enabled=false").run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("ran", run.value("APP"));
        assertTrue(run.ringwatchEvents().isEmpty(), run.where());
        assertTrue(run.logRecords("ringwatch").isEmpty(), run.where());
    }

    @Test
    void jsonLogInAMissingDirectoryIsABadValue() throws Exception {
        ChildRun run = ChildJvm.of("options-json-missing-dir", AppRuns.class)
                .agentOptions("jsonLog=/nonexistent-ringwatch-dir/a.jsonl").run();
        assertEquals("ran", run.value("APP"), run.where());
        assertLog(run, "ringwatch: bad value '/nonexistent-ringwatch-dir/a.jsonl' for option jsonLog (from agent argument):"
                + " directory /nonexistent-ringwatch-dir does not exist; valid: a file path whose directory exists,"
                + " not a symbolic link; using the default (none)");
    }

    @Test
    void maxTrackedCapsTheModelAndCountsWhatItDrops() throws Exception {
        ChildRun run = ChildJvm.of("options-max-tracked", ManySlots.class).agentOptions("maxTracked=64").run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("0", run.value("LEAKS"));
        assertEquals("64", run.value("TRACKED_WHILE_HELD"), "1 ring + 63 slots; " + run.where());
        assertEquals("137", run.value("DROPPED"), "200 slots, 63 tracked; " + run.where());
        assertEquals("0", run.value("TRACKED_AFTER"), "all released, confirmed and closed; " + run.where());
    }

    private static void assertLog(ChildRun run, String start) {
        assertEquals(1, run.logRecords(start).size(), "one log line starting with: " + start + "\n" + run.where());
    }
}
