package dev.ringwatch.ring;

/** poll(2) event bits for {@link Sqe#pollAdd(int, int)} and {@link Sqe#pollMultishot(int, int)}; a poll's result carries the ones that fired. */
public final class PollEvents {
    /** Data to read. */
    public static final int POLLIN = 0x001;
    /** Urgent data to read. */
    public static final int POLLPRI = 0x002;
    /** Writing will not block. */
    public static final int POLLOUT = 0x004;
    /** Error condition (always reported). */
    public static final int POLLERR = 0x008;
    /** Hang-up (always reported). */
    public static final int POLLHUP = 0x010;
    /** The fd is not open (always reported). */
    public static final int POLLNVAL = 0x020;
    /** The peer closed its writing half. */
    public static final int POLLRDHUP = 0x2000;

    private PollEvents() {
    }
}
