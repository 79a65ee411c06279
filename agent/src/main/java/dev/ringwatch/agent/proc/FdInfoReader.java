package dev.ringwatch.agent.proc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads {@code /proc/self/fdinfo/<fd>} of a ring. The kernel only try-locks the ring while printing it, so a
 * busy ring can read with no ring section (6.15+) or without its slot lines (older kernels): the reader then
 * reads again a few times with a short, growing pause before answering {@link ProcError.Kind#BUSY} (or a view
 * whose {@link RingFdInfo.FileTable#listed()} is false). Never throws: a closed fd is MISSING, a non-ring fd
 * NOT_IO_URING, bad content MALFORMED naming the line. Thread-safe; one instance can serve all rings.
 */
public final class FdInfoReader {
    /** Reads of one fd before giving up on a busy ring. */
    public static final int DEFAULT_ATTEMPTS = 4;

    /** How the reader waits between attempts; injectable so tests can change the file between reads. */
    @FunctionalInterface
    public interface Pause {
        /** Called after failed attempt {@code attempt} (1-based) when another attempt follows. */
        void pause(int attempt) throws InterruptedException;
    }

    /** 100 us, 400 us, 1.6 ms, ...: long enough for a submit to drop the lock, short enough to not matter. */
    public static final Pause BACKOFF = attempt -> LockSupport.parkNanos(100_000L << (2 * Math.min(attempt - 1, 5)));

    private final ProcRoot root;
    private final int attempts;
    private final Pause pause;

    public FdInfoReader(ProcRoot root) {
        this(root, DEFAULT_ATTEMPTS, BACKOFF);
    }

    public FdInfoReader(ProcRoot root, int attempts, Pause pause) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts < 1: " + attempts);
        }
        this.root = Objects.requireNonNull(root, "root");
        this.attempts = attempts;
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /** The kernel's view of ring {@code fd}. */
    public ProcResult<RingFdInfo> read(int fd) {
        Path file = root.fdInfo(fd);
        boolean atomic = ringSectionAtomic();
        RingFdInfo unlisted = null;
        for (int attempt = 1; ; attempt++) {
            RingFdInfo info = null;
            ProcFormatException bad = null;
            try (ProcLineReader r = ProcLineReader.open(file)) {
                info = RingFdInfoParser.parse(r, fd, atomic);
            } catch (IOException e) {
                ProcError error = ProcError.fromIo(file, e);
                // the fd closed between open and read (the kernel then fails the read with ENOENT): MISSING
                if (error.kind() != ProcError.Kind.MISSING
                        && ProcFds.target(root, fd) instanceof ProcResult.Failed<String> f
                        && f.error().kind() == ProcError.Kind.MISSING) {
                    error = ProcError.of(ProcError.Kind.MISSING, file, "fd " + fd + " was closed while its fdinfo was"
                            + " read (" + e + ")");
                }
                return ProcResult.failed(error);
            } catch (ProcFormatException e) {
                bad = e;
            }
            if (info != null) {
                if (info.files().listed()) {
                    return ProcResult.ok(withIno(info));
                }
                unlisted = info;
            } else {
                // No usable ring section: either not a ring at all, or a ring whose lock was busy.
                ProcResult<String> target = ProcFds.target(root, fd);
                if (target instanceof ProcResult.Failed<String> f) {
                    return ProcResult.failed(f.error());
                }
                String t = target.orElseThrow();
                if (!FdTargets.isIoUring(t)) {
                    return ProcResult.failed(ProcError.of(ProcError.Kind.NOT_IO_URING, file,
                            "fd " + fd + " is " + t + ", not an io_uring"));
                }
                if (bad != null) {
                    return ProcResult.failed(ProcError.malformed(file, bad));
                }
            }
            if (attempt >= attempts || !pauseAfter(attempt)) {
                break;
            }
        }
        if (unlisted != null) {
            return ProcResult.ok(withIno(unlisted));
        }
        return ProcResult.failed(ProcError.of(ProcError.Kind.BUSY, file, "no io_uring section in " + attempts
                + " reads: the ring's lock was busy (the kernel prints nothing then)"));
    }

    private boolean pauseAfter(int attempt) {
        try {
            pause.pause(attempt);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** 6.15 (and late 6.14.y, which we cannot tell apart) print the ring section whole or not at all. */
    private boolean ringSectionAtomic() {
        return root.kernelRelease() instanceof ProcResult.Ok<KernelRelease> ok && ok.value().atLeast(6, 15);
    }

    /** Kernels before 5.14 print no {@code ino}; the fd's own inode is the same number. */
    private RingFdInfo withIno(RingFdInfo info) {
        if (info.ino() >= 0) {
            return info;
        }
        long ino = ProcFds.inode(root, info.fd()).orElse(-1L);
        return new RingFdInfo(info.fd(), ino, info.fileFlags(), info.mntId(), info.indexes(), info.sqThread(),
                info.sqThreadCpu(), info.sqTotalTime(), info.sqWorkTime(), info.files(), info.buffers());
    }
}
