package dev.ringwatch.ring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Explains errors caused by a process limit, naming the limit and its current value: ENOMEM from ring
 * set-up or buffer registration (older kernels charge ring memory, and all kernels charge registered
 * buffers, to RLIMIT_MEMLOCK unless the process has CAP_IPC_LOCK), and EMFILE from a fixed-file table
 * larger than RLIMIT_NOFILE.
 */
final class ResourceLimits {
    private ResourceLimits() {
    }

    static String lockedMemoryHint() {
        return "the locked-memory limit RLIMIT_MEMLOCK (" + currentLimit("Max locked memory", " bytes")
                + ") may be too low; raise it (ulimit -l, LimitMEMLOCK= in systemd, --ulimit memlock in containers)";
    }

    static String openFilesHint() {
        return "a fixed-file table may not have more slots than the open-files limit RLIMIT_NOFILE ("
                + currentLimit("Max open files", " files")
                + "); use a smaller table or raise the limit (ulimit -n, LimitNOFILE= in systemd, --ulimit nofile in containers)";
    }

    /** "soft limit 8388608 bytes" as /proc/self/limits tells the row {@code row}, or "current value unknown". */
    static String currentLimit(String row, String unit) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith(row)) {
                    String[] cols = line.substring(row.length()).trim().split("\\s+");
                    return "soft limit " + cols[0] + (cols[0].equals("unlimited") ? "" : unit);
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through: the hint is still useful without the number
        }
        return "current value unknown";
    }
}
