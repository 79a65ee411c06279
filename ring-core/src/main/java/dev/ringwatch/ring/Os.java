package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The plain system calls an io_uring program needs around its ring: open a file, make a listening
 * socket, read back the bound address, close an fd. io_uring has operations for most of these too
 * ({@link Sqe#openat}, {@link Sqe#socket}, {@link Sqe#close(int)}); these work on every kernel and
 * need no ring. Each failure throws an {@link IoUringException} naming the call, its arguments and
 * the errno. Thread-safe.
 */
public final class Os {
    private static final int ENOTCONN = 107;

    private Os() {
    }

    /**
     * open(2). {@code flags} from {@link OpenFlags}; {@code mode} (e.g. {@code 0644}) applies when a file
     * is created.
     *
     * @param path  the file's path
     * @param flags {@link OpenFlags} or-ed together
     * @param mode  permission bits for a created file
     * @return the new fd, which the caller closes
     */
    public static int open(String path, int flags, int mode) {
        Native.requireAccess();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = Native.newErrnoSlot(a);
            return check(Native.open(errno, a.allocateFrom(path), flags, mode), errno,
                    () -> "open(" + path + ", flags=0" + Integer.toOctalString(flags) + ", mode=0" + Integer.toOctalString(mode) + ")");
        }
    }

    /**
     * close(2). A failure is reported, not ignored: EBADF means the fd was not open.
     *
     * @param fd the fd to close
     */
    public static void close(int fd) {
        Native.requireAccess();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = Native.newErrnoSlot(a);
            check(Native.close(errno, fd), errno, () -> "close(" + fd + ")");
        }
    }

    /**
     * socket(2).
     *
     * @param domain   {@link Sockets#AF_INET}, {@link Sockets#AF_INET6}, ...
     * @param type     {@link Sockets#SOCK_STREAM} and so on, optionally or-ed with {@link Sockets#SOCK_CLOEXEC}
     * @param protocol usually 0
     * @return the new fd, which the caller closes
     */
    public static int socket(int domain, int type, int protocol) {
        Native.requireAccess();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = Native.newErrnoSlot(a);
            return check(Native.socket(errno, domain, type, protocol), errno,
                    () -> "socket(domain=" + domain + ", type=0x" + Integer.toHexString(type) + ", protocol=" + protocol + ")");
        }
    }

    /**
     * setsockopt(2) with an int value, e.g. {@code setIntOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)}.
     *
     * @param fd     the socket
     * @param level  {@link Sockets#SOL_SOCKET} or {@link Sockets#IPPROTO_TCP}
     * @param option the option at that level
     * @param value  its new value
     */
    public static void setIntOption(int fd, int level, int option, int value) {
        Native.requireAccess();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = Native.newErrnoSlot(a);
            check(Native.setsockopt(errno, fd, level, option, a.allocateFrom(JAVA_INT, value)), errno,
                    () -> "setsockopt(fd=" + fd + ", level=" + level + ", option=" + option + ", value=" + value + ")");
        }
    }

    /**
     * bind(2); the address length is {@code sockaddr.byteSize()}.
     *
     * @param fd       the socket
     * @param sockaddr a {@code sockaddr_in} or {@code sockaddr_in6} from {@link Sockaddr}
     */
    public static void bind(int fd, MemorySegment sockaddr) {
        Native.requireAccess();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = Native.newErrnoSlot(a);
            check(Native.bind(errno, fd, sockaddr), errno, () -> "bind(fd=" + fd + ", " + Sockaddr.describe(sockaddr) + ")");
        }
    }

    /**
     * listen(2).
     *
     * @param fd      a bound stream socket
     * @param backlog the queue length for completed connections
     */
    public static void listen(int fd, int backlog) {
        Native.requireAccess();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = Native.newErrnoSlot(a);
            check(Native.listen(errno, fd, backlog), errno, () -> "listen(fd=" + fd + ", backlog=" + backlog + ")");
        }
    }

    /**
     * A TCP socket bound to {@code address} (port 0: the kernel picks one) with SO_REUSEADDR, listening.
     *
     * @param address the local address, IPv4 or IPv6
     * @param backlog the queue length for completed connections
     * @return the listening socket's fd (close-on-exec), which the caller closes
     */
    public static int tcpListen(InetSocketAddress address, int backlog) {
        int domain = address.getAddress() instanceof java.net.Inet6Address ? Sockets.AF_INET6 : Sockets.AF_INET;
        int fd = socket(domain, Sockets.SOCK_STREAM | Sockets.SOCK_CLOEXEC, 0);
        try (Arena a = Arena.ofConfined()) {
            setIntOption(fd, Sockets.SOL_SOCKET, Sockets.SO_REUSEADDR, 1);
            bind(fd, Sockaddr.of(a, address));
            listen(fd, backlog);
            return fd;
        } catch (RuntimeException e) {
            close(fd);
            throw e;
        }
    }

    /**
     * getsockname(2): the address a socket is bound to, e.g. to learn the port the kernel picked.
     *
     * @param fd the socket
     * @return its address as an {@link InetSocketAddress}
     */
    public static InetSocketAddress localAddress(int fd) {
        Native.requireAccess();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = Native.newErrnoSlot(a);
            MemorySegment addr = Sockaddr.allocate(a);
            MemorySegment len = a.allocateFrom(JAVA_INT, (int) addr.byteSize());
            check(Native.getsockname(errno, fd, addr, len), errno, () -> "getsockname(fd=" + fd + ")");
            return Sockaddr.decode(addr.asSlice(0, len.get(JAVA_INT, 0)));
        }
    }

    /**
     * shutdown(2); wakes operations still waiting on the socket.
     *
     * @param fd  the socket
     * @param how {@link Sockets#SHUT_RD}, {@link Sockets#SHUT_WR} or {@link Sockets#SHUT_RDWR}
     * @return false if the socket was not connected (ENOTCONN), true otherwise
     */
    public static boolean shutdown(int fd, int how) {
        Native.requireAccess();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = Native.newErrnoSlot(a);
            int r = Native.shutdown(errno, fd, how);
            if (r < 0 && Native.errno(errno) == ENOTCONN) {
                return false;
            }
            check(r, errno, () -> "shutdown(fd=" + fd + ", how=" + how + ")");
            return true;
        }
    }

    private static int check(int r, MemorySegment errno, Supplier<String> call) {
        if (r < 0) {
            throw new IoUringException(call.get(), Native.errno(errno), null);
        }
        return r;
    }
}
