package dev.ringwatch.agent.report;

import dev.ringwatch.testsupport.CommandOutput;

/** Runs {@link ReportCommand} in this JVM: its exit status and what it printed on each stream. */
final class CommandRun {
    private CommandRun() {
    }

    static CommandOutput of(String... args) {
        return CommandOutput.inProcess(ReportCommand::run, args);
    }
}
