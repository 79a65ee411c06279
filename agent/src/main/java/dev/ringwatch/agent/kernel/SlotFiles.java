package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.proc.FdTargets;

/**
 * Compares what a fixed-file slot holds, as fdinfo lists it, with what an fd points at. Since 6.14 fdinfo
 * prints the same text as readlink of an fd ({@code socket:[18868]}, a path); older kernels print only the
 * dentry name (a bare file name, {@code TCP} for a TCP socket), which can be compared only loosely.
 */
final class SlotFiles {
    private SlotFiles() {
    }

    /** True when {@code slotTarget} (from fdinfo) may be the file {@code fdTarget} (from /proc/self/fd) names. */
    static boolean compatible(String fdTarget, String slotTarget) {
        if (fdTarget.isEmpty() || fdTarget.equals(slotTarget)) {
            return true;
        }
        if (!isDentryName(slotTarget)) {
            return false;
        }
        // Old kernels: a socket shows as its protocol's name, a file by its last path component.
        return FdTargets.isSocket(fdTarget) || slotTarget.equals(baseName(fdTarget));
    }

    /** True when fdinfo's text is an old kernel's bare dentry name rather than a full readlink-style target. */
    static boolean isDentryName(String slotTarget) {
        return slotTarget.indexOf('/') < 0 && !FdTargets.isSocket(slotTarget) && slotTarget.indexOf(':') < 0;
    }

    private static String baseName(String path) {
        String p = path.endsWith(" (deleted)") ? path.substring(0, path.length() - 10) : path;
        int slash = p.lastIndexOf('/');
        return slash < 0 ? p : p.substring(slash + 1);
    }
}
