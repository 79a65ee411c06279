package dev.ringwatch.jmc.programs;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/** A raw fd to register into a fixed-file slot (ring-core takes fds, the JDK hides its own). */
@SuppressWarnings("restricted")
final class DevNull {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("open"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final int O_RDONLY_CLOEXEC = 0x80000;

    private DevNull() {
    }

    static int open() throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(arena.allocateFrom("/dev/null"), O_RDONLY_CLOEXEC);
            if (fd < 0) {
                throw new IllegalStateException("open(/dev/null) failed");
            }
            return fd;
        }
    }
}
