package dev.ringwatch.ring;

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
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * The only place ring-core touches native code: libc's {@code syscall}, {@code mmap}, {@code munmap},
 * {@code close}, {@code strerror} and the few file and socket calls of {@link Os}, bound through the
 * FFM linker with errno captured.
 *
 * <p>Every call takes the errno capture segment from the caller so that the hot path
 * ({@code io_uring_enter}) allocates nothing.
 */
final class Native {
    static final long SYS_FSTAT = 5, SYS_IO_URING_SETUP = 425, SYS_IO_URING_ENTER = 426, SYS_IO_URING_REGISTER = 427;
    static final int PROT_READ = 1, PROT_WRITE = 2, PROT_EXEC = 4, MAP_SHARED = 1, MAP_PRIVATE = 2, MAP_FIXED = 0x10,
            MAP_ANONYMOUS = 0x20, MAP_POPULATE = 0x8000;

    static final String MODULE_NAME = "dev.ringwatch.ring";
    private static final Linker LINKER = Linker.nativeLinker();
    /** Set while the handles below are created if the JVM refuses native access to this code. */
    private static IllegalCallerException denied;
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private static final FunctionDescriptor SYSCALL6 = FunctionDescriptor.of(JAVA_LONG,
            JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG);
    /** Blocking-capable syscall: normal thread-state transition so GC can run while we wait. */
    private static final MethodHandle SYSCALL = downcall("syscall", SYSCALL6, Linker.Option.firstVariadicArg(1));
    /**
     * Non-blocking io_uring_enter (no GETEVENTS): skips the thread-state transition, which is a large
     * part of a NOP's cost. Only for calls that cannot sleep for long.
     */
    private static final MethodHandle SYSCALL_CRITICAL = downcall("syscall", SYSCALL6,
            Linker.Option.firstVariadicArg(1), Linker.Option.critical(false));
    private static final MethodHandle MMAP = downcall("mmap",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final MethodHandle MPROTECT = downcall("mprotect", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT));
    private static final MethodHandle MUNMAP = downcall("munmap", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle OPEN = downcall("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    private static final MethodHandle SOCKET = downcall("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = downcall("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle BIND = downcall("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle LISTEN = downcall("listen", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle GETSOCKNAME = downcall("getsockname",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle SHUTDOWN = downcall("shutdown", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle STRERROR = link("strerror", FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Native() {
    }

    private static MethodHandle downcall(String name, FunctionDescriptor fd, Linker.Option... extra) {
        Linker.Option[] options = new Linker.Option[extra.length + 1];
        options[0] = Linker.Option.captureCallState("errno");
        System.arraycopy(extra, 0, options, 1, extra.length);
        return link(name, fd, options);
    }

    private static MethodHandle link(String name, FunctionDescriptor fd, Linker.Option... options) {
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc symbol not found: " + name));
        try {
            return LINKER.downcallHandle(symbol, fd, options);
        } catch (IllegalCallerException e) {
            // Keep the class usable so that requireAccess() can explain; a null handle is never called.
            denied = e;
            return null;
        }
    }

    /**
     * Fails with one clear message when the JVM denies native access (e.g. {@code --illegal-native-access=deny},
     * the JDK's announced future default). Every entry point that can create a ring or an fd calls this.
     */
    static void requireAccess() {
        if (denied != null) {
            Module m = Native.class.getModule();
            throw new IllegalCallerException("ring-core calls the kernel through FFM downcalls, and this JVM denies native"
                    + " access to " + (m.isNamed() ? "module " + m.getName() : "code on the class path") + ". Enable it: on the class path "
                    + "--enable-native-access=ALL-UNNAMED; on the module path --enable-native-access=" + MODULE_NAME
                    + "; in an executable jar's manifest Enable-Native-Access: ALL-UNNAMED", denied);
        }
    }

    /** A segment to receive errno; one per thread of use (a ring keeps one for its owning thread's hot path). */
    static MemorySegment newErrnoSlot(Arena arena) {
        return arena.allocate(CAPTURE);
    }

    static int errno(MemorySegment slot) {
        return (int) ERRNO.get(slot, 0L);
    }

    /** Raw syscall: returns the kernel's result, or -1 with errno left in {@code slot}. */
    static long syscall(MemorySegment slot, long nr, long a1, long a2, long a3, long a4, long a5, long a6) {
        try {
            return (long) SYSCALL.invokeExact(slot, nr, a1, a2, a3, a4, a5, a6);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static long syscallCritical(MemorySegment slot, long nr, long a1, long a2, long a3, long a4) {
        try {
            return (long) SYSCALL_CRITICAL.invokeExact(slot, nr, a1, a2, a3, a4, 0L, 0L);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** mmap(2); returns the address or -1 (MAP_FAILED) with errno in {@code slot}. */
    static long mmap(MemorySegment slot, long length, int fd, long offset) {
        try {
            return (long) MMAP.invokeExact(slot, 0L, length, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, offset);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Replaces {@code [address, address + length)} in one step with fresh private zero pages
     * (MAP_FIXED); returns the address or -1 with errno in {@code slot}.
     */
    static long mmapAnonymousOver(MemorySegment slot, long address, long length) {
        try {
            return (long) MMAP.invokeExact(slot, address, length, PROT_READ | PROT_WRITE,
                    MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0L);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * A private page holding {@code code}, made read-only and executable; null if the system refuses
     * (e.g. a policy against executable anonymous memory). Never unmapped.
     */
    static MemorySegment executable(byte[] code) {
        MemorySegment slot = newErrnoSlot(Arena.ofAuto());
        long page = 4096;
        try {
            long addr = (long) MMAP.invokeExact(slot, 0L, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0L);
            if (addr == -1L) {
                return null;
            }
            MemorySegment.copy(MemorySegment.ofArray(code), 0, MemorySegment.ofAddress(addr).reinterpret(page), 0, code.length);
            if ((int) MPROTECT.invokeExact(slot, addr, page, PROT_READ | PROT_EXEC) != 0) {
                munmap(slot, addr, page);
                return null;
            }
            return MemorySegment.ofAddress(addr).reinterpret(code.length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int munmap(MemorySegment slot, long address, long length) {
        try {
            return (int) MUNMAP.invokeExact(slot, address, length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int close(MemorySegment slot, int fd) {
        try {
            return (int) CLOSE.invokeExact(slot, fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int open(MemorySegment slot, MemorySegment path, int flags, int mode) {
        try {
            return (int) OPEN.invokeExact(slot, path, flags, mode);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int socket(MemorySegment slot, int domain, int type, int protocol) {
        try {
            return (int) SOCKET.invokeExact(slot, domain, type, protocol);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int setsockopt(MemorySegment slot, int fd, int level, int option, MemorySegment value) {
        try {
            return (int) SETSOCKOPT.invokeExact(slot, fd, level, option, value, (int) value.byteSize());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int bind(MemorySegment slot, int fd, MemorySegment sockaddr) {
        try {
            return (int) BIND.invokeExact(slot, fd, sockaddr, (int) sockaddr.byteSize());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int listen(MemorySegment slot, int fd, int backlog) {
        try {
            return (int) LISTEN.invokeExact(slot, fd, backlog);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** getsockname(2); {@code len} holds the size of {@code sockaddr} and receives the address's length. */
    static int getsockname(MemorySegment slot, int fd, MemorySegment sockaddr, MemorySegment len) {
        try {
            return (int) GETSOCKNAME.invokeExact(slot, fd, sockaddr, len);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static int shutdown(MemorySegment slot, int fd, int how) {
        try {
            return (int) SHUTDOWN.invokeExact(slot, fd, how);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static String strerror(int errno) {
        if (STRERROR == null) {
            return "unknown error";
        }
        try {
            MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
            return s.reinterpret(256).getString(0);
        } catch (Throwable t) {
            return "unknown error";
        }
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
