package dev.ringwatch.ring;

/** {@code IORING_TIMEOUT_*} flags for {@link Sqe#timeout} and {@link Sqe#linkTimeout}. */
public final class TimeoutFlags {
    /** The timespec is an absolute time, not a relative one. */
    public static final int ABS = 1;
    /** Modify an existing timeout (with IORING_OP_TIMEOUT_REMOVE). */
    public static final int UPDATE = 1 << 1;
    /** Measure against CLOCK_BOOTTIME. */
    public static final int BOOTTIME = 1 << 2;
    /** Measure against CLOCK_REALTIME. */
    public static final int REALTIME = 1 << 3;
    /** Modify an existing link timeout. */
    public static final int LINK_UPDATE = 1 << 4;
    /** A timeout that expires completes with 0 instead of -ETIME. */
    public static final int ETIME_SUCCESS = 1 << 5;
    /** Fire repeatedly (count 0: until cancelled). */
    public static final int MULTISHOT = 1 << 6;

    private TimeoutFlags() {
    }
}
