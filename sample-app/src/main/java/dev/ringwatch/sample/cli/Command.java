package dev.ringwatch.sample.cli;


import java.io.PrintStream;

/** One subcommand of the sample jar: its name and texts, given once by the subclass, its options and its run. */
public abstract class Command {
    private final String name;
    private final String summary;
    private final String description;

    /**
     * @param name        the word on the command line, e.g. {@code sqpoll-churn}
     * @param summary     one line for the command list
     * @param description a few lines for {@code --help}: what the program does and what to look for
     */
    protected Command(String name, String summary, String description) {
        this.name = name;
        this.summary = summary;
        this.description = description;
    }

    /** The word on the command line, e.g. {@code sqpoll-churn}. */
    public final String name() {
        return name;
    }

    /** One line for the command list. */
    public final String summary() {
        return summary;
    }

    /** A few lines for {@code --help}: what the program does and what to look for. */
    public final String description() {
        return description;
    }

    public abstract Options options();

    /**
     * Runs to completion (every command is bounded in time) and returns the exit code: 0 when it did
     * what it set out to do, 1 when something failed (said on {@code out}).
     */
    public abstract int run(ParsedOptions options, PrintStream out) throws Exception;
}
