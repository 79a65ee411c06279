package dev.ringwatch.sample.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntPredicate;

/**
 * What the kernel says about this process, read from /proc, so the samples show their effect
 * without the agent: SQPOLL threads, the kernel's socket count and our open fds.
 */
public final class ProcStats {
    private final Path proc;

    /** Reads the real /proc. */
    public ProcStats() {
        this(Path.of("/proc"));
    }

    /** Reads a /proc laid out under {@code procRoot} (tests of the parsing). */
    public ProcStats(Path procRoot) {
        this.proc = procRoot;
    }

    /** Threads of this process whose name starts with {@code iou-sqp}: one per live SQPOLL thread. */
    public int iouSqpThreads() {
        int n = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(proc.resolve("self/task"))) {
            for (Path task : tasks) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith("iou-sqp")) {
                        n++;
                    }
                } catch (NoSuchFileException gone) {
                    // the thread exited while we listed: it is not live
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + proc.resolve("self/task"), e);
        }
        return n;
    }

    /**
     * Waits up to {@code max} for {@link #iouSqpThreads()} to satisfy {@code settled} (SQPOLL threads
     * of closed rings take some tens of milliseconds to exit) and returns the last count seen.
     */
    public int iouSqpThreadsOnceSettled(IntPredicate settled, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        int n = iouSqpThreads();
        while (!settled.test(n) && System.nanoTime() < deadline) {
            Thread.sleep(5);
            n = iouSqpThreads();
        }
        return n;
    }

    /**
     * The {@code sockets: used N} line of /proc/net/sockstat: sockets the kernel holds in this network
     * namespace, including those only a fixed-file slot keeps open.
     */
    public int socketsUsed() {
        Path sockstat = proc.resolve("net/sockstat");
        try {
            for (String line : Files.readAllLines(sockstat)) {
                if (line.startsWith("sockets:")) {
                    String[] words = line.trim().split("\\s+");
                    for (int i = 1; i + 1 < words.length; i++) {
                        if (words[i].equals("used")) {
                            return Integer.parseInt(words[i + 1]);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sockstat, e);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("unexpected 'sockets:' line in " + sockstat + ": " + e.getMessage());
        }
        throw new IllegalStateException(sockstat + " has no 'sockets: used N' line");
    }

    /** Open fds of this process that are io_uring instances ({@code anon_inode:[io_uring]}). */
    public int ioUringFds() {
        int n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals("anon_inode:[io_uring]")) {
                        n++;
                    }
                } catch (IOException closedMeanwhile) {
                    // not open any more, so not counted
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + proc.resolve("self/fd"), e);
        }
        return n;
    }

    /** Entries in /proc/self/fd, not counting the one this listing itself opens. */
    public int openFds() {
        int n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("self/fd"))) {
            for (Path ignored : fds) {
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + proc.resolve("self/fd"), e);
        }
        return Math.max(0, n - 1);
    }
}
