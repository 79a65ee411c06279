package dev.ringwatch.programs;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/** What "other code" (a native library) does to io_uring behind ring-core: raw set-up, an extra mapping. */
@SuppressWarnings("restricted")
final class RawCalls {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle SYSCALL = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("syscall"),
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(1));
    private static final MethodHandle MMAP = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("mmap"),
            FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_LONG));
    private static final long SYS_IO_URING_SETUP = 425;
    private static final int PARAMS_SIZE = 120;
    private static final int PROT_READ_WRITE = 3;
    private static final int MAP_SHARED_POPULATE = 0x01 | 0x8000;

    private RawCalls() {
    }

    /** io_uring_setup(entries, zeroed params) straight through syscall 425: a ring ring-core never saw. */
    static int ioUringSetup(int entries) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment params = a.allocate(PARAMS_SIZE);
            long fd = (long) SYSCALL.invokeExact(SYS_IO_URING_SETUP, (long) entries, params);
            if (fd < 0) {
                throw new IllegalStateException("io_uring_setup failed: " + fd);
            }
            return (int) fd;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** A second shared mapping of {@code bytes} of {@code fd} at {@code offset} (never unmapped). */
    static void mapAgain(int fd, long bytes, long offset) {
        try {
            MemorySegment at = (MemorySegment) MMAP.invokeExact(MemorySegment.NULL, bytes, PROT_READ_WRITE,
                    MAP_SHARED_POPULATE, fd, offset);
            if (at.address() == -1L) {
                throw new IllegalStateException("mmap of ring fd " + fd + " failed");
            }
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
