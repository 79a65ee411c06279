package dev.ringwatch.testsupport;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * The tests' one binding of libc (x86_64 Linux): what tests do behind ring-core's and the agent's back
 * (raw syscalls, extra mappings, dup2 over a ring fd, sockets and pipes to feed operations). Every call
 * captures errno; a failure throws {@link ErrnoException} naming the call and errno.
 */
@SuppressWarnings("restricted") // raw libc calls are the point of this helper
public final class TestLibc {
    public static final long SYS_IO_URING_SETUP = 425, SYS_IO_URING_ENTER = 426, SYS_IO_URING_REGISTER = 427;
    public static final int AF_INET = 2, SOCK_STREAM = 1, SOCK_CLOEXEC = 0x80000;
    public static final int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0100, O_TRUNC = 01000, O_CLOEXEC = 0x80000;
    public static final int POLLIN = 1, POLLOUT = 4;
    public static final int PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1, MAP_POPULATE = 0x8000;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    // syscall(long nr, ...): glibc reads every variadic argument as a long.
    private static final MethodHandle SYSCALL = downcall("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1));
    private static final MethodHandle MMAP = downcall("mmap",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MUNMAP = downcall("munmap", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle DUP = downcall("dup", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle DUP2 = downcall("dup2", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle PIPE = downcall("pipe", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle WRITE = downcall("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle OPEN = downcall("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle SOCKET = downcall("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle BIND = downcall("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LISTEN = downcall("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle GETSOCKNAME = downcall("getsockname",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));

    private TestLibc() {
    }

    private static MethodHandle downcall(String name, FunctionDescriptor fd, Linker.Option... extra) {
        Linker.Option[] options = new Linker.Option[extra.length + 1];
        options[0] = Linker.Option.captureCallState("errno");
        System.arraycopy(extra, 0, options, 1, extra.length);
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("libc has no " + name));
        return LINKER.downcallHandle(symbol, fd, options);
    }

    /** A failed libc call; {@link #errno} is the C errno value. */
    public static final class ErrnoException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** The C errno value. */
        public final int errno;

        ErrnoException(String call, int errno) {
            super(call + " failed: errno " + errno);
            this.errno = errno;
        }
    }

    @FunctionalInterface
    private interface Call {
        long invoke(MemorySegment errnoState) throws Throwable;
    }

    /** Runs {@code call}; a negative result (or MAP_FAILED) throws naming {@code what} and errno. */
    private static long check(String what, Call call) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            long r;
            try {
                r = call.invoke(state);
            } catch (Throwable t) {
                throw new IllegalStateException(what + " downcall", t);
            }
            if (r < 0) {
                throw new ErrnoException(what, (int) ERRNO.get(state, 0L));
            }
            return r;
        }
    }

    /** A raw syscall with four arguments; returns the kernel's result. */
    public static long syscall(long nr, long a, long b, long c, long d) {
        return check("syscall(" + nr + ")", s -> (long) SYSCALL.invokeExact(s, nr, a, b, c, d));
    }

    /** A shared read-write, pre-faulted mapping of {@code length} bytes of {@code fd} at {@code offset}. */
    public static MemorySegment mmap(int fd, long length, long offset) {
        long addr = check("mmap(fd " + fd + ", offset 0x" + Long.toHexString(offset) + ")", s -> (long) MMAP.invokeExact(s,
                0L, length, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, offset));
        return MemorySegment.ofAddress(addr).reinterpret(length);
    }

    public static void munmap(MemorySegment mapping) {
        check("munmap", s -> (int) MUNMAP.invokeExact(s, mapping.address(), mapping.byteSize()));
    }

    public static void close(int fd) {
        check("close(" + fd + ")", s -> (int) CLOSE.invokeExact(s, fd));
    }

    public static int dup(int fd) {
        return (int) check("dup(" + fd + ")", s -> (int) DUP.invokeExact(s, fd));
    }

    /** Makes {@code to} refer to what {@code from} refers to (closing what {@code to} was). */
    public static void dup2(int from, int to) {
        check("dup2(" + from + ", " + to + ")", s -> (int) DUP2.invokeExact(s, from, to));
    }

    /** open(2) with mode 0644 for created files. */
    public static int open(String path, int flags) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocateFrom(path);
            return (int) check("open(" + path + ")", s -> (int) OPEN.invokeExact(s, p, flags, 0644));
        }
    }

    /** {@code path} opened read-only, close-on-exec. */
    public static int openReadOnly(String path) {
        return open(path, O_RDONLY | O_CLOEXEC);
    }

    /** {@code [read end, write end]} of a new pipe. */
    public static int[] pipe() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment fds = a.allocate(JAVA_INT, 2);
            check("pipe", s -> (int) PIPE.invokeExact(s, fds));
            return new int[]{fds.getAtIndex(JAVA_INT, 0), fds.getAtIndex(JAVA_INT, 1)};
        }
    }

    public static int write(int fd, MemorySegment buf) {
        return (int) check("write(" + fd + ")", s -> (long) WRITE.invokeExact(s, fd, buf, buf.byteSize()));
    }

    /** A fresh, unconnected TCP socket (close-on-exec); the caller closes it. */
    public static int tcpSocket() {
        return (int) check("socket", s -> (int) SOCKET.invokeExact(s, AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    }

    /** A TCP socket listening on 127.0.0.1 at a port the kernel picks ({@link #port(int)}). */
    public static int tcpListener() {
        int fd = tcpSocket();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment addr = loopback(a, 0);
            check("bind", s -> (int) BIND.invokeExact(s, fd, addr, (int) addr.byteSize()));
            check("listen", s -> (int) LISTEN.invokeExact(s, fd, 64));
            return fd;
        }
    }

    /** The port a socket is bound to. */
    public static int port(int fd) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment addr = a.allocate(16);
            MemorySegment len = a.allocateFrom(JAVA_INT, 16);
            check("getsockname(" + fd + ")", s -> (int) GETSOCKNAME.invokeExact(s, fd, addr, len));
            return Short.toUnsignedInt(addr.get(JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2));
        }
    }

    /** {@code struct sockaddr_in} for 127.0.0.1:{@code port}. */
    public static MemorySegment loopback(Arena arena, int port) {
        MemorySegment a = arena.allocate(16, 4);
        a.set(JAVA_SHORT, 0, (short) AF_INET);
        a.set(JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN), 2, (short) port);
        a.set(JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN), 4, 0x7F000001);
        return a;
    }
}
