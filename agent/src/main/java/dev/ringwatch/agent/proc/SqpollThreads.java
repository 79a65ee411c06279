package dev.ringwatch.agent.proc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Finds the process's SQPOLL kernel threads: tasks under {@code /proc/self/task} whose {@code comm} is
 * {@code iou-sqp-<pid>}. They live in the process's thread group, so they are listed with its own threads.
 */
public final class SqpollThreads {
    /** comm prefix of an SQPOLL thread (the rest is the creating process's pid, possibly cut at 15 chars). */
    public static final String COMM_PREFIX = "iou-sqp-";
    private static final int COMM_MAX = 64;

    private SqpollThreads() {
    }

    /** Tids of the SQPOLL threads, ascending. Threads that exit during the scan are left out. */
    public static ProcResult<int[]> tids(ProcRoot root) {
        Path dir = root.taskDir();
        int[] tids = new int[8];
        int n = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(dir)) {
            for (Path task : tasks) {
                int tid = ProcRoot.parseId(task.getFileName().toString());
                if (tid < 0) {
                    return ProcResult.failed(ProcError.of(ProcError.Kind.MALFORMED, dir,
                            "entry '" + task.getFileName() + "' is not a thread id"));
                }
                ProcResult<Boolean> sqpoll = isSqpoll(task.resolve("comm"));
                if (sqpoll instanceof ProcResult.Failed<Boolean> f) {
                    return ProcResult.failed(f.error());
                }
                if (sqpoll.orElseThrow()) {
                    if (n == tids.length) {
                        tids = Arrays.copyOf(tids, n * 2);
                    }
                    tids[n++] = tid;
                }
            }
        } catch (IOException e) {
            return ProcResult.failed(ProcError.fromIo(dir, e));
        } catch (DirectoryIteratorException e) {
            return ProcResult.failed(ProcError.fromIo(dir, e.getCause()));
        }
        int[] out = Arrays.copyOf(tids, n);
        Arrays.sort(out);
        return ProcResult.ok(out);
    }

    /**
     * Whether thread {@code tid} of this process exists and is an SQPOLL thread (a tid reused by an ordinary
     * thread does not count). False when the thread is gone.
     */
    public static ProcResult<Boolean> isAlive(ProcRoot root, int tid) {
        return isSqpoll(root.taskDir().resolve(Integer.toString(tid)).resolve("comm"));
    }

    /** Reads a comm file; a thread that is gone reads as "not SQPOLL". */
    private static ProcResult<Boolean> isSqpoll(Path comm) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(comm)) {
            bytes = in.readNBytes(COMM_MAX);
        } catch (NoSuchFileException gone) {
            return ProcResult.ok(false);
        } catch (IOException e) {
            ProcError error = ProcError.fromIo(comm, e);
            return error.kind() == ProcError.Kind.MISSING ? ProcResult.ok(false) : ProcResult.failed(error);
        }
        if (bytes.length < COMM_PREFIX.length()) {
            return ProcResult.ok(false);
        }
        for (int i = 0; i < COMM_PREFIX.length(); i++) {
            if (bytes[i] != COMM_PREFIX.charAt(i)) {
                return ProcResult.ok(false);
            }
        }
        return ProcResult.ok(true);
    }
}
