package dev.ringwatch.agent.report;

/** The recording could not be read; the message is one line for the user, naming the file and what is wrong. */
public final class UnreadableRecordingException extends Exception {

    public UnreadableRecordingException(String message) {
        super(message);
    }

    public UnreadableRecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
