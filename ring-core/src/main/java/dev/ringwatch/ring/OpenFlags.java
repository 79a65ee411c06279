package dev.ringwatch.ring;

/**
 * Flags of open(2)/openat(2) (x86_64 Linux values) for {@link Os#open(String, int, int)} and
 * {@link Sqe#openat(int, java.lang.foreign.MemorySegment, int, int)}.
 */
public final class OpenFlags {
    /** Open for reading only. */
    public static final int O_RDONLY = 0;
    /** Open for writing only. */
    public static final int O_WRONLY = 1;
    /** Open for reading and writing. */
    public static final int O_RDWR = 2;
    /** Create the file if it does not exist (then the mode argument applies). */
    public static final int O_CREAT = 0100;
    /** With {@link #O_CREAT}: fail with EEXIST if the file exists. */
    public static final int O_EXCL = 0200;
    /** Truncate an existing regular file to length 0. */
    public static final int O_TRUNC = 01000;
    /** Every write appends. */
    public static final int O_APPEND = 02000;
    /** Non-blocking mode. */
    public static final int O_NONBLOCK = 04000;
    /** Writes complete once the data (not all metadata) is on disk. */
    public static final int O_DSYNC = 010000;
    /** Bypass the page cache (buffers and offsets must be aligned). */
    public static final int O_DIRECT = 040000;
    /** Fail unless the path is a directory. */
    public static final int O_DIRECTORY = 0200000;
    /** Close the fd on exec. */
    public static final int O_CLOEXEC = 02000000;
    /** Writes complete once data and metadata are on disk. */
    public static final int O_SYNC = 04010000;
    /** The {@code dirfd} meaning "relative to the current directory". */
    public static final int AT_FDCWD = -100;

    private OpenFlags() {
    }
}
