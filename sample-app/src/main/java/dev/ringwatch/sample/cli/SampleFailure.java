package dev.ringwatch.sample.cli;

/**
 * A sample program could not do what it set out to do for a reason outside its code (an operation the
 * kernel failed, completions that never came). Reported as one line, exit code 1, no stack trace.
 */
public class SampleFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SampleFailure(String message) {
        super(message);
    }
}
