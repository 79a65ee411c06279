package dev.ringwatch.sample.uring;

import dev.ringwatch.sample.cli.SampleFailure;
import dev.ringwatch.ring.Errno;

/** An io_uring operation completed with an error (a negative result). */
public final class OperationFailedException extends SampleFailure {
    private static final long serialVersionUID = 1L;

    private final int res;

    public OperationFailedException(String operation, int res) {
        super(operation + " through the ring failed: " + Errno.describe(res));
        this.res = res;
    }

    /** The completion's result, a negative errno. */
    public int res() {
        return res;
    }

    /** Returns {@code res} when it is not an error, else throws naming {@code operation}. */
    public static int check(String operation, int res) {
        if (res < 0) {
            throw new OperationFailedException(operation, res);
        }
        return res;
    }
}
