package dev.ringwatch.agent.proc;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Test-only libc downcalls (x86_64 Linux) so tests can make real rings, sockets and mappings
 * without ring-core. Every call captures errno and turns a failure into an exception naming it.
 */
@SuppressWarnings("restricted") // the whole point of this test helper: raw syscalls
final class Libc {
    static final long SYS_IO_URING_SETUP = 425;
    static final long SYS_IO_URING_REGISTER = 427;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
    private static final MemoryLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO_HANDLE =
            CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    // syscall(long nr, ...): glibc reads every variadic argument as a long, so pass them as longs.
    private static final MethodHandle SYSCALL4 = downcall("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1), ERRNO);
    private static final MethodHandle MMAP = downcall("mmap",
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG), ERRNO);
    private static final MethodHandle MUNMAP = downcall("munmap",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG), ERRNO);
    private static final MethodHandle CLOSE = downcall("close",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT), ERRNO);
    private static final MethodHandle SOCKET = downcall("socket",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), ERRNO);
    private static final MethodHandle OPEN = downcall("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT), ERRNO);

    static final int PROT_READ = 1;
    static final int PROT_WRITE = 2;
    static final int MAP_SHARED = 1;
    static final int MAP_POPULATE = 0x8000;
    static final int AF_INET = 2;
    static final int SOCK_STREAM = 1;
    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 0x80000;

    private Libc() {
    }

    private static MethodHandle downcall(String name, FunctionDescriptor fd, Linker.Option... options) {
        MemorySegment symbol = LIBC.find(name).orElseThrow(() -> new IllegalStateException("libc has no " + name));
        return LINKER.downcallHandle(symbol, fd, options);
    }

    /** A failed libc call; {@code errno} is the C errno value. */
    static final class ErrnoException extends RuntimeException {
        final int errno;

        ErrnoException(String call, int errno) {
            super(call + " failed: errno " + errno);
            this.errno = errno;
        }
    }

    static long syscall(long nr, long a, long b, long c, long d) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            long r = (long) SYSCALL4.invokeExact(state, nr, a, b, c, d);
            if (r < 0) {
                throw new ErrnoException("syscall(" + nr + ")", (int) ERRNO_HANDLE.get(state, 0L));
            }
            return r;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("syscall(" + nr + ") downcall", t);
        }
    }

    static MemorySegment mmap(int fd, long length, long offset) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            MemorySegment p = (MemorySegment) MMAP.invokeExact(state, MemorySegment.NULL, length,
                    PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, offset);
            if (p.address() == -1L) {
                throw new ErrnoException("mmap(fd " + fd + ", offset 0x" + Long.toHexString(offset) + ")",
                        (int) ERRNO_HANDLE.get(state, 0L));
            }
            return p.reinterpret(length);
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("mmap downcall", t);
        }
    }

    static void munmap(MemorySegment mapping) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int r = (int) MUNMAP.invokeExact(state, mapping, mapping.byteSize());
            if (r != 0) {
                throw new ErrnoException("munmap", (int) ERRNO_HANDLE.get(state, 0L));
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("munmap downcall", t);
        }
    }

    static void close(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int r = (int) CLOSE.invokeExact(state, fd);
            if (r != 0) {
                throw new ErrnoException("close(" + fd + ")", (int) ERRNO_HANDLE.get(state, 0L));
            }
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("close downcall", t);
        }
    }

    /** A fresh, unconnected TCP socket fd; the caller closes it. */
    static int tcpSocket() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int fd = (int) SOCKET.invokeExact(state, AF_INET, SOCK_STREAM, 0);
            if (fd < 0) {
                throw new ErrnoException("socket", (int) ERRNO_HANDLE.get(state, 0L));
            }
            return fd;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("socket downcall", t);
        }
    }

    /** Opens {@code path} read-only; the caller closes the fd. */
    static int openReadOnly(String path) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CAPTURE);
            int fd = (int) OPEN.invokeExact(state, arena.allocateFrom(path), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                throw new ErrnoException("open(" + path + ")", (int) ERRNO_HANDLE.get(state, 0L));
            }
            return fd;
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("open downcall", t);
        }
    }
}
