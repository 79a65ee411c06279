package dev.ringwatch.ring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Explains ENOMEM from ring set-up or buffer registration: older kernels charge ring memory, and all
 * kernels charge registered buffers, to RLIMIT_MEMLOCK unless the process has CAP_IPC_LOCK.
 */
final class LockedMemory {
    private LockedMemory() {
    }

    static String hint() {
        return "the locked-memory limit RLIMIT_MEMLOCK (" + currentLimit()
                + ") may be too low; raise it (ulimit -l, LimitMEMLOCK= in systemd, --ulimit memlock in containers)";
    }

    /** "soft 8388608 bytes" as /proc/self/limits tells it, or "unknown". */
    static String currentLimit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max locked memory")) {
                    String[] cols = line.substring("Max locked memory".length()).trim().split("\\s+");
                    return "soft limit " + cols[0] + (cols[0].equals("unlimited") ? "" : " bytes");
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through: the hint is still useful without the number
        }
        return "current value unknown";
    }
}
