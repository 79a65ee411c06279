package dev.ringwatch.agent.libc;

/**
 * munmap and close, for reclaim: bound through FFM by {@link NativeLibc}, which is compiled for and loaded on a
 * JDK 25+ only (the agent's core runs on 17). {@link #load()} gives null elsewhere: reclaim then declines.
 */
public interface NativeRelease {
    int munmap(long address, long length);

    int close(int fd);

    /** The FFM binding, or null on a JDK without the FFM API the agent is built for. */
    static NativeRelease load() {
        if (Runtime.version().feature() < 25) {
            return null;
        }
        try {
            return (NativeRelease) Class.forName("dev.ringwatch.agent.libc.NativeLibc").getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
