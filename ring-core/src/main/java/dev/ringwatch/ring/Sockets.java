package dev.ringwatch.ring;

/**
 * Socket constants (x86_64 Linux values) for {@link Os#socket(int, int, int)}, {@link Sqe#socket(int, int, int)},
 * {@link Sqe#recv(int, java.lang.foreign.MemorySegment, int)}, {@link Sqe#send(int, java.lang.foreign.MemorySegment, int)}
 * and {@link Sqe#shutdown(int, int)}.
 */
public final class Sockets {
    /** Unix domain sockets. */
    public static final int AF_UNIX = 1;
    /** IPv4. */
    public static final int AF_INET = 2;
    /** IPv6. */
    public static final int AF_INET6 = 10;
    /** Stream socket (TCP). */
    public static final int SOCK_STREAM = 1;
    /** Datagram socket (UDP). */
    public static final int SOCK_DGRAM = 2;
    /** Or-ed into the type: non-blocking socket. */
    public static final int SOCK_NONBLOCK = 04000;
    /** Or-ed into the type: close on exec. */
    public static final int SOCK_CLOEXEC = 02000000;
    /** Level of the generic socket options. */
    public static final int SOL_SOCKET = 1;
    /** Allow binding a port in TIME_WAIT. */
    public static final int SO_REUSEADDR = 2;
    /** Let several sockets bind the same port. */
    public static final int SO_REUSEPORT = 15;
    /** Level of TCP options. */
    public static final int IPPROTO_TCP = 6;
    /** Send small segments without delay (Nagle off). */
    public static final int TCP_NODELAY = 1;
    /** recv: look at the data without consuming it. */
    public static final int MSG_PEEK = 2;
    /** recv/send: do not block. */
    public static final int MSG_DONTWAIT = 0x40;
    /** recv: wait for the whole buffer. */
    public static final int MSG_WAITALL = 0x100;
    /** send: no SIGPIPE when the peer is gone. */
    public static final int MSG_NOSIGNAL = 0x4000;
    /** send: more data follows. */
    public static final int MSG_MORE = 0x8000;
    /** shutdown: no more receptions. */
    public static final int SHUT_RD = 0;
    /** shutdown: no more transmissions. */
    public static final int SHUT_WR = 1;
    /** shutdown: neither. */
    public static final int SHUT_RDWR = 2;

    private Sockets() {
    }
}
