package dev.ringwatch.agent.proc;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the proc view reads from: {@code /proc} in production, any directory laid out like it in tests
 * (an injected root). Every path the package reads is resolved here, always through {@code self}, so the
 * agent looks at its own process whichever root it is given.
 */
public final class ProcRoot {
    private static final ProcRoot SYSTEM = new ProcRoot(Path.of("/proc"));

    private final Path root;
    private volatile ProcResult<KernelRelease> release;

    private ProcRoot(Path root) {
        this.root = root;
    }

    /** The real {@code /proc}. */
    public static ProcRoot system() {
        return SYSTEM;
    }

    /** A root laid out like {@code /proc}: {@code <root>/self/fd}, {@code <root>/net/sockstat}, ... */
    public static ProcRoot at(Path root) {
        return new ProcRoot(Objects.requireNonNull(root, "root").toAbsolutePath().normalize());
    }

    public Path root() {
        return root;
    }

    /** {@code <root>/self}: the process reading it (a symlink the kernel resolves per reader). */
    public Path self() {
        return root.resolve("self");
    }

    /** {@code <root>/self/fd}: one symlink per open fd. */
    public Path fdDir() {
        return self().resolve("fd");
    }

    public Path fdLink(int fd) {
        return fdDir().resolve(Integer.toString(fd));
    }

    public Path fdInfo(int fd) {
        return self().resolve("fdinfo").resolve(Integer.toString(fd));
    }

    public Path maps() {
        return self().resolve("maps");
    }

    /** {@code <root>/self/task}: one directory per thread, kernel threads like {@code iou-sqp-*} included. */
    public Path taskDir() {
        return self().resolve("task");
    }

    /** {@code <root>/net/sockstat} ({@code /proc/net} is the reader's own network namespace). */
    public Path sockstat() {
        return root.resolve("net").resolve("sockstat");
    }

    public Path osRelease() {
        return root.resolve("sys").resolve("kernel").resolve("osrelease");
    }

    /** The running kernel's release, read once from {@code <root>/sys/kernel/osrelease}. */
    public ProcResult<KernelRelease> kernelRelease() {
        ProcResult<KernelRelease> r = release;
        if (r == null) {
            r = KernelRelease.read(osRelease());
            release = r;
        }
        return r;
    }

    /** The number a /proc directory entry ({@code fd/12}, {@code task/4043}) is named by, or -1. */
    static int parseId(String name) {
        if (name.isEmpty() || name.length() > 10) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < name.length(); i++) {
            int d = name.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v <= Integer.MAX_VALUE ? (int) v : -1;
    }

    @Override
    public String toString() {
        return "ProcRoot[" + root + "]";
    }
}
