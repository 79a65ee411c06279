package dev.ringwatch.sample.net;

/** A libc call failed; the message names the call, its arguments and the errno. */
public final class LibcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    LibcException(String call, int errno) {
        super(call + ": " + Libc.describeErrno(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }
}
