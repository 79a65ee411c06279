package dev.ringwatch.ring;

/** {@code IORING_CQE_F_*} bits of a completion's flags. */
public final class CqeFlags {
    /** The upper 16 bits carry a selected buffer id. */
    public static final int BUFFER = 1;
    /** A multishot request will post more completions. */
    public static final int MORE = 2;
    /**
     * The socket has more data to read.
     */
    public static final int SOCK_NONEMPTY = 4;
    /**
     * A zero-copy send's notification that the buffer is free.
     */
    public static final int NOTIF = 8;

    private CqeFlags() {
    }
}
