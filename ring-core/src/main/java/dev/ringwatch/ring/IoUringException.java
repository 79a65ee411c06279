package dev.ringwatch.ring;

/**
 * A system call that ring-core made failed. The message names the call, its arguments and the errno,
 * e.g. {@code io_uring_setup(entries=100000, flags=SQPOLL): EINVAL (Invalid argument)}.
 */
public class IoUringException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The call with its arguments. */
    private final String call;
    /** The positive errno. */
    private final int errno;

    /**
     * A failed call, with the message ring-core's own failures have.
     *
     * @param call  the call and its arguments, e.g. {@code "recv(fd=7)"}
     * @param errno the positive errno (a negative completion result is accepted too)
     */
    public IoUringException(String call, int errno) {
        this(call, Math.abs(errno), null);
    }

    IoUringException(String call, int errno, String hint) {
        super(call + ": " + Errno.name(errno) + " (" + Native.strerror(errno) + ")" + (hint == null ? "" : ": " + hint));
        this.call = call;
        this.errno = errno;
    }

    /**
     * The call with its arguments, as in the message.
     * @return the value described above
     */
    public String call() {
        return call;
    }

    /**
     * The positive errno value the kernel returned.
     * @return the value described above
     */
    public int errno() {
        return errno;
    }

    /**
     * The errno's symbolic name, e.g. {@code EBADF}.
     * @return the value described above
     */
    public String errnoName() {
        return Errno.name(errno);
    }
}
