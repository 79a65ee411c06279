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
 * {@code close} and {@code strerror}, bound through the FFM linker with errno captured.
 *
 * <p>Every call takes the errno capture segment from the caller so that the hot path
 * ({@code io_uring_enter}) allocates nothing.
 */
final class Native {
    static final long SYS_IO_URING_SETUP = 425, SYS_IO_URING_ENTER = 426, SYS_IO_URING_REGISTER = 427;
    static final int PROT_READ = 1, PROT_WRITE = 2, MAP_SHARED = 1, MAP_POPULATE = 0x8000;

    private static final Linker LINKER = Linker.nativeLinker();
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
    private static final MethodHandle MUNMAP = downcall("munmap", FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle CLOSE = downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LINKER.defaultLookup().find("strerror").orElseThrow(), FunctionDescriptor.of(ADDRESS, JAVA_INT));

    private Native() {
    }

    private static MethodHandle downcall(String name, FunctionDescriptor fd, Linker.Option... extra) {
        Linker.Option[] options = new Linker.Option[extra.length + 1];
        options[0] = Linker.Option.captureCallState("errno");
        System.arraycopy(extra, 0, options, 1, extra.length);
        MemorySegment symbol = LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("libc symbol not found: " + name));
        return LINKER.downcallHandle(symbol, fd, options);
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

    static String strerror(int errno) {
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
