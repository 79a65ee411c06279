package dev.ringwatch.sample.net;

import dev.ringwatch.ring.Os;
import dev.ringwatch.ring.Sockaddr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A listening TCP socket made with ring-core's {@link Os} (io_uring has no bind/listen before 6.11): SO_REUSEADDR, bound to
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
            fd = Os.tcpListen(new InetSocketAddress(host, port), backlog);
            return new TcpListener(arena, fd, Sockaddr.of(arena, Os.localAddress(fd)));
        } catch (RuntimeException e) {
            if (fd >= 0) {
                Os.close(fd);
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
        return Sockaddr.port(address);
    }

    @Override
    public String toString() {
        return "TCP listener " + Sockaddr.describe(address) + " (fd " + fd + ")";
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                Os.close(fd);
            } finally {
                arena.close();
            }
        }
    }
}
