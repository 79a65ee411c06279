package dev.ringwatch.sample.uring;

import dev.ringwatch.sample.cli.SampleFailure;

/** Completions we waited for did not arrive in time: the kernel (or our bookkeeping) is stuck. */
public final class CompletionTimeoutException extends SampleFailure {
    private static final long serialVersionUID = 1L;

    public CompletionTimeoutException(String message) {
        super(message);
    }
}
