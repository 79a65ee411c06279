package dev.ringwatch.agent.kernel;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

/**
 * Test-only libc calls (x86_64 Linux) for what the tests do behind ring-core's and the agent's back: a
 * second mapping of a ring, dup/dup2/close of fds, raw io_uring_setup, sockets. A failure throws naming
 * the call and errno.
 */
@SuppressWarnings("restricted") // raw syscalls are the point of this helper
final class Sys {
    static final int IORING_SETUP_SQPOLL = 1 << 1;
    private static final long SYS_IO_URING_SETUP = 425;
    private static final long SYS_IO_URING_REGISTER = 427;
    private static final int IORING_REGISTER_FILES2 = 13;
    private static final int IORING_RSRC_REGISTER_SPARSE = 1;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final MemoryLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final MethodHandle SYSCALL = downcall("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), ERRNO);
    private static final MethodHandle MMAP = downcall("mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG), ERRNO);
    private static final MethodHandle MUNMAP = downcall("munmap", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG),
            ERRNO);
    private static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO);
    private static final MethodHandle DUP = downcall("dup", FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO);
    private static final MethodHandle DUP2 = downcall("dup2", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT),
            ERRNO);
    private static final MethodHandle SOCKET = downcall("socket",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), ERRNO);
    private static final MethodHandle BIND = downcall("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT),
            ERRNO);
    private static final MethodHandle LISTEN = downcall("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT),
            ERRNO);
    private static final MethodHandle OPEN = downcall("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), ERRNO);

    private Sys() {
    }

    private static MethodHandle downcall(String name, FunctionDescriptor fd, Linker.Option... options) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException("libc has no " + name));
        return LINKER.downcallHandle(symbol, fd, options);
    }

    @FunctionalInterface
    private interface Call {
        long invoke(MemorySegment state) throws Throwable;
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
                throw new IllegalStateException(what + " failed: errno " + (int) ERRNO_HANDLE.get(state, 0L));
            }
            return r;
        }
    }

    /** A shared read-write mapping of {@code length} bytes of {@code fd} at {@code offset}. */
    static MemorySegment mmap(int fd, long length, long offset) {
        long addr = check("mmap(fd " + fd + ")", s -> {
            MemorySegment p = (MemorySegment) MMAP.invokeExact(s, MemorySegment.NULL, length, 3, 1, fd, offset);
            return p.address() == -1L ? -1 : p.address();
        });
        return MemorySegment.ofAddress(addr).reinterpret(length);
    }

    static void munmap(MemorySegment m) {
        check("munmap", s -> (int) MUNMAP.invokeExact(s, m, m.byteSize()));
    }

    static void close(int fd) {
        check("close(" + fd + ")", s -> (int) CLOSE.invokeExact(s, fd));
    }

    static int dup(int fd) {
        return (int) check("dup(" + fd + ")", s -> (int) DUP.invokeExact(s, fd));
    }

    /** Makes {@code to} refer to what {@code from} refers to (closing what {@code to} was). */
    static void dup2(int from, int to) {
        check("dup2(" + from + ", " + to + ")", s -> (int) DUP2.invokeExact(s, from, to));
    }

    static int openReadOnly(String path) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocateFrom(path);
            return (int) check("open(" + path + ")", s -> (int) OPEN.invokeExact(s, p, 0x80000));
        }
    }

    /** An unconnected TCP socket. */
    static int tcpSocket() {
        return (int) check("socket", s -> (int) SOCKET.invokeExact(s, 2, 1, 0));
    }

    /** A TCP socket listening on 127.0.0.1, some free port. */
    static int tcpListener() {
        int fd = tcpSocket();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment addr = a.allocate(16, 4);
            addr.set(JAVA_SHORT, 0, (short) 2);
            addr.set(JAVA_INT, 4, 0x0100007f); // 127.0.0.1 in network order
            check("bind", s -> (int) BIND.invokeExact(s, fd, addr, 16));
            check("listen", s -> (int) LISTEN.invokeExact(s, fd, 16));
        }
        return fd;
    }

    /**
     * A ring set up without ring-core (as another library would), nothing mapped.
     *
     * @param fd        the ring fd
     * @param ringBytes size of its SQ/CQ ring region (one mapping with IORING_FEAT_SINGLE_MMAP)
     */
    record RawRing(int fd, long ringBytes) {
    }

    static RawRing rawRing(int entries, int flags) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment params = a.allocate(120, 8);
            params.set(JAVA_INT, 8, flags);
            int fd = (int) check("io_uring_setup", s -> (long) SYSCALL.invokeExact(s, SYS_IO_URING_SETUP,
                    (long) entries, params.address(), 0L, 0L));
            long sq = params.get(JAVA_INT, 40 + 24) + 4L * params.get(JAVA_INT, 0);   // sq_off.array + entries
            long cq = params.get(JAVA_INT, 80 + 20) + 16L * params.get(JAVA_INT, 4);  // cq_off.cqes + CQEs
            return new RawRing(fd, Math.max(sq, cq));
        }
    }

    /** A sparse table of {@code n} fixed-file slots on a raw ring. */
    static void rawSparseFiles(int ringFd, int n) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment reg = a.allocate(32, 8);
            reg.set(JAVA_INT, 0, n);
            reg.set(JAVA_INT, 4, IORING_RSRC_REGISTER_SPARSE);
            check("io_uring_register(FILES2)", s -> (long) SYSCALL.invokeExact(s, SYS_IO_URING_REGISTER, (long) ringFd,
                    (long) IORING_REGISTER_FILES2, reg.address(), 32L));
        }
    }
}
