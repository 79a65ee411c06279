package dev.ringwatch.sample.cli;


import java.io.PrintStream;

/** One subcommand of the sample jar. */
public interface Command {
    /** The word on the command line, e.g. {@code sqpoll-churn}. */
    String name();

    /** One line for the command list. */
    String summary();

    /** A few lines for {@code --help}: what the program does and what to look for. */
    String description();

    Options options();

    /**
     * Runs to completion (every command is bounded in time) and returns the exit code: 0 when it did
     * what it set out to do, 1 when something failed (said on {@code out}).
     */
    int run(ParsedOptions options, PrintStream out) throws Exception;
}
