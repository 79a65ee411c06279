package dev.ringwatch.sample.cli;

/** The command line was wrong: the message says what and names the option. Exit code 2. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
