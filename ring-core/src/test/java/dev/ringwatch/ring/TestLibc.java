package dev.ringwatch.ring;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/** libc calls the tests need to make real fds, sockets and addresses (ring-core has no bind/listen ops). */
final class TestLibc {
    static final int AF_INET = 2, SOCK_STREAM = 1, O_RDONLY = 0, O_RDWR = 2, O_CREAT = 0100, O_TRUNC = 01000,
            POLLIN = 1, POLLOUT = 4, SOL_SOCKET = 1, SO_REUSEADDR = 2;
    private static final Linker L = Linker.nativeLinker();
    private static final MethodHandle SOCKET = h("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle BIND = h("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LISTEN = h("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle GETSOCKNAME = h("getsockname", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle CLOSE = h("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle PIPE = h("pipe", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle WRITE = h("write", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle OPEN = L.downcallHandle(L.defaultLookup().find("open").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));

    private TestLibc() {
    }

    private static MethodHandle h(String name, FunctionDescriptor fd) {
        return L.downcallHandle(L.defaultLookup().find(name).orElseThrow(), fd);
    }

    static int socket() throws Throwable {
        return check("socket", (int) SOCKET.invokeExact(AF_INET, SOCK_STREAM, 0));
    }

    /** A listening TCP socket on 127.0.0.1 with an ephemeral port. */
    static int listener(Arena arena) throws Throwable {
        int fd = socket();
        MemorySegment addr = sockaddr(arena, 0);
        check("bind", (int) BIND.invokeExact(fd, addr, (int) addr.byteSize()));
        check("listen", (int) LISTEN.invokeExact(fd, 64));
        return fd;
    }

    static int port(Arena arena, int fd) throws Throwable {
        MemorySegment addr = arena.allocate(16);
        MemorySegment len = arena.allocate(JAVA_INT);
        len.set(JAVA_INT, 0, 16);
        check("getsockname", (int) GETSOCKNAME.invokeExact(fd, addr, len));
        return Short.toUnsignedInt(addr.get(JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2));
    }

    /** struct sockaddr_in for 127.0.0.1:port. */
    static MemorySegment sockaddr(Arena arena, int port) {
        MemorySegment a = arena.allocate(16);
        a.set(JAVA_SHORT, 0, (short) AF_INET);
        a.set(JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2, (short) port);
        a.set(JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN), 4, 0x7F000001);
        return a;
    }

    static int open(Arena arena, String path, int flags) throws Throwable {
        return check("open " + path, (int) OPEN.invokeExact(arena.allocateFrom(path), flags, 0644));
    }

    static int[] pipe(Arena arena) throws Throwable {
        MemorySegment fds = arena.allocate(JAVA_INT, 2);
        check("pipe", (int) PIPE.invokeExact(fds));
        return new int[]{fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
    }

    static int write(int fd, MemorySegment buf) throws Throwable {
        return check("write", (int) WRITE.invokeExact(fd, buf, (int) buf.byteSize()));
    }

    static void close(int fd) throws Throwable {
        int r = (int) CLOSE.invokeExact(fd);
        if (r != 0) {
            throw new IllegalStateException("close(" + fd + ") failed");
        }
    }

    private static int check(String what, int r) {
        if (r < 0) {
            throw new IllegalStateException(what + " failed");
        }
        return r;
    }
}
