package dev.ringwatch.sample.net;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * A listening TCP socket made with libc (io_uring has no bind/listen here): SO_REUSEADDR, bound to
 * an IPv4 address (port 0: the kernel picks one), listening. The fd is ours until {@link #close()}.
 */
public final class TcpListener implements AutoCloseable {
    /** 127.0.0.1 always (InetAddress.getLoopbackAddress() may be ::1). */
    public static final Inet4Address LOOPBACK = loopbackV4();

    private final Arena arena;
    private final int fd;
    private final MemorySegment address;
    private boolean closed;

    private TcpListener(Arena arena, int fd, MemorySegment address) {
        this.arena = arena;
        this.fd = fd;
        this.address = address;
    }

    /** Listens on 127.0.0.1:{@code port} ({@code 0}: an ephemeral port). */
    public static TcpListener loopback(int port, int backlog) {
        return open(LOOPBACK, port, backlog);
    }

    public static TcpListener open(Inet4Address host, int port, int backlog) {
        Arena arena = Arena.ofShared();
        int fd = -1;
        try {
            fd = Libc.socket(Libc.AF_INET, Libc.SOCK_STREAM | Libc.SOCK_CLOEXEC, 0);
            Libc.setIntOption(fd, Libc.SOL_SOCKET, Libc.SO_REUSEADDR, 1);
            Libc.bind(fd, SockaddrIn.of(arena, host, port));
            Libc.listen(fd, backlog);
            return new TcpListener(arena, fd, Libc.getsockname(fd, arena));
        } catch (RuntimeException e) {
            if (fd >= 0) {
                Libc.close(fd);
            }
            arena.close();
            throw e;
        }
    }

    private static Inet4Address loopbackV4() {
        try {
            return (Inet4Address) InetAddress.getByAddress("localhost", new byte[]{127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    public int fd() {
        return fd;
    }

    /** The bound address as a native sockaddr_in (what a connect operation needs). */
    public MemorySegment sockaddr() {
        return address;
    }

    public int port() {
        return SockaddrIn.port(address);
    }

    @Override
    public String toString() {
        return "TCP listener " + SockaddrIn.describe(address) + " (fd " + fd + ")";
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                Libc.close(fd);
            } finally {
                arena.close();
            }
        }
    }
}
