package dev.ringwatch.ring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** What the kernel says about this process: the ground truth the lifecycle tests check against. */
final class ProcState {
    private ProcState() {
    }

    static long sqpollThreads() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).startsWith("iou-sqp-");
                } catch (IOException e) {
                    return false; // the thread exited while we looked
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> ringMappings() {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .filter(l -> l.contains("anon_inode:[io_uring]")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long ringFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(f -> {
                try {
                    return Files.readSymbolicLink(f).toString().equals("anon_inode:[io_uring]");
                } catch (IOException e) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fdinfo(int fd) throws IOException {
        return Files.readString(Path.of("/proc/self/fdinfo/" + fd));
    }

    static String fdTarget(int fd) throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
    }

    /** What fd {@code fd} is now, or "closed" (also when it closes while we look: another thread's close). */
    static String fdTargetOrClosed(int fd) throws IOException {
        try {
            return fdTarget(fd);
        } catch (java.nio.file.NoSuchFileException closed) {
            return "closed";
        }
    }

    /**
     * Waits until no SQPOLL thread is left from earlier tests (a closed ring's thread exits tens of
     * milliseconds later, more on a loaded machine), so counts taken next are not a moving baseline.
     */
    static void awaitNoSqpollThreads() throws InterruptedException {
        if (!await(Duration.ofSeconds(20), () -> sqpollThreads() == 0)) {
            throw new AssertionError("iou-sqp threads from earlier tests never exited: " + sqpollThreads());
        }
    }

    /** Polls until {@code condition} holds or {@code limit} passes; returns whether it held. */
    static boolean await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
