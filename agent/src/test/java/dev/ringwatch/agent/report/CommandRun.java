package dev.ringwatch.agent.report;

import dev.ringwatch.testsupport.CommandOutput;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Runs {@link ReportCommand} in this JVM: its exit status and what it printed on each stream. */
final class CommandRun {
    private CommandRun() {
    }

    static CommandOutput of(String... args) {
        return CommandOutput.inProcess(ReportCommand::run, args);
    }

    /** The report {@code args} ask for, which must succeed without a word on stderr. */
    static String succeeded(String... args) {
        CommandOutput run = of(args);
        assertEquals(0, run.exit(), run.toString());
        assertEquals("", run.err(), run.toString());
        return run.out();
    }
}
