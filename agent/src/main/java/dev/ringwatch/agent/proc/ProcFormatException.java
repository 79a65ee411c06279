package dev.ringwatch.agent.proc;

/** Thrown inside parsers when content breaks the format; readers turn it into a MALFORMED {@link ProcError}. */
final class ProcFormatException extends Exception {
    private final int line;

    ProcFormatException(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    int line() {
        return line;
    }
}
