package dev.ringwatch.agent.libc;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * munmap and close, for reclaiming a ring whose {@code IoUring} object was collected (so its own close()
 * can no longer run). Loaded only when reclaim needs it, by name ({@link NativeRelease#load()}): compiled at
 * release 25, unlike the agent's core (17). The agent's only libc binding: FFM stays in this
 * package (and the ring-core adapter), so the rest of the agent needs no JDK 22+ API.
 */
@SuppressWarnings("restricted") // reclaim closes and unmaps what ring-core can no longer release
public final class NativeLibc implements NativeRelease {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle MUNMAP = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("munmap"),
            FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("close"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    /** For {@link NativeRelease#load()}, which loads this class by name on a JDK 25+ only. */
    public NativeLibc() {
    }

    @Override
    public int munmap(long address, long length) {
        try {
            return (int) MUNMAP.invokeExact(address, length);
        } catch (Throwable t) {
            throw new IllegalStateException("munmap failed: " + t, t);
        }
    }

    @Override
    public int close(int fd) {
        try {
            return (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new IllegalStateException("close failed: " + t, t);
        }
    }
}
