package dev.ringwatch.sample.net;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The few libc socket calls io_uring has no operation for (socket options, bind, listen, getsockname),
 * plus close, bound with the FFM linker. Failures throw {@link LibcException} with errno.
 */
public final class Libc {
    public static final int AF_INET = 2, SOCK_STREAM = 1, SOCK_CLOEXEC = 0x80000;
    public static final int SOL_SOCKET = 1, SO_REUSEADDR = 2, IPPROTO_TCP = 6, TCP_NODELAY = 1;
    public static final int POLLIN = 1;
    public static final int MSG_WAITALL = 0x100;
    private static final int ENOTCONN = 107;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle SOCKET = downcall("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = downcall("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle BIND = downcall("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LISTEN = downcall("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle GETSOCKNAME = downcall("getsockname",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle SHUTDOWN = downcall("shutdown", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LINKER.defaultLookup().find("strerror").orElseThrow(), FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Libc() {
    }

    private static MethodHandle downcall(String name, FunctionDescriptor fd) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc symbol not found: " + name));
        return LINKER.downcallHandle(symbol, fd, Linker.Option.captureCallState("errno"));
    }

    /** socket(2); returns the new fd. */
    public static int socket(int domain, int type, int protocol) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = a.allocate(CAPTURE);
            int r = (int) SOCKET.invokeExact(errno, domain, type, protocol);
            return check(r, errno, () -> "socket(domain=" + domain + ", type=0x" + Integer.toHexString(type) + ")");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** setsockopt(2) with an int value. */
    public static void setIntOption(int fd, int level, int option, int value) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = a.allocate(CAPTURE);
            MemorySegment v = a.allocateFrom(JAVA_INT, value);
            int r = (int) SETSOCKOPT.invokeExact(errno, fd, level, option, v, (int) JAVA_INT.byteSize());
            check(r, errno, () -> "setsockopt(fd=" + fd + ", level=" + level + ", option=" + option + ", " + value + ")");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static void bind(int fd, MemorySegment sockaddr) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = a.allocate(CAPTURE);
            int r = (int) BIND.invokeExact(errno, fd, sockaddr, (int) sockaddr.byteSize());
            check(r, errno, () -> "bind(fd=" + fd + ", " + SockaddrIn.describe(sockaddr) + ")");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    public static void listen(int fd, int backlog) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = a.allocate(CAPTURE);
            int r = (int) LISTEN.invokeExact(errno, fd, backlog);
            check(r, errno, () -> "listen(fd=" + fd + ", backlog=" + backlog + ")");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** getsockname(2) of an IPv4 socket, into a new sockaddr_in allocated in {@code arena}. */
    public static MemorySegment getsockname(int fd, Arena arena) {
        MemorySegment addr = SockaddrIn.allocate(arena);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = a.allocate(CAPTURE);
            MemorySegment len = a.allocateFrom(JAVA_INT, (int) addr.byteSize());
            int r = (int) GETSOCKNAME.invokeExact(errno, fd, addr, len);
            check(r, errno, () -> "getsockname(fd=" + fd + ")");
            return addr;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** shutdown(2) with SHUT_RDWR; wakes operations still waiting on the socket. Returns false if not connected. */
    public static boolean shutdownBoth(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = a.allocate(CAPTURE);
            int r = (int) SHUTDOWN.invokeExact(errno, fd, 2);
            if (r < 0 && (int) ERRNO.get(errno, 0L) == ENOTCONN) {
                return false;
            }
            check(r, errno, () -> "shutdown(fd=" + fd + ", SHUT_RDWR)");
            return true;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** close(2); failing to close is reported, not ignored (EBADF means a bookkeeping bug). */
    public static void close(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment errno = a.allocate(CAPTURE);
            int r = (int) CLOSE.invokeExact(errno, fd);
            check(r, errno, () -> "close(fd=" + fd + ")");
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** E.g. {@code errno 98 (Address already in use)}; accepts the negative form io_uring results use. */
    public static String describeErrno(int errno) {
        int e = Math.abs(errno);
        String text;
        try {
            MemorySegment s = (MemorySegment) STRERROR.invokeExact(e);
            text = s.reinterpret(256).getString(0);
        } catch (Throwable t) {
            text = "unknown error";
        }
        return "errno " + e + " (" + text + ")";
    }

    private static int check(int r, MemorySegment errno, java.util.function.Supplier<String> call) {
        if (r < 0) {
            throw new LibcException(call.get(), (int) ERRNO.get(errno, 0L));
        }
        return r;
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("native call failed", t);
    }
}
