package dev.ringwatch.jmc.programs;

import dev.ringwatch.ring.OpenFlags;
import dev.ringwatch.ring.Os;

/** A raw fd to register into a fixed-file slot (ring-core takes fds, the JDK hides its own). */
final class DevNull {
    private DevNull() {
    }

    static int open() {
        return Os.open("/dev/null", OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, 0);
    }
}
