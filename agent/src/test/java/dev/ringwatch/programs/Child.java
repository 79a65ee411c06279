package dev.ringwatch.programs;

import dev.ringwatch.testsupport.TestLibc;

import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What the test programs (run in child JVMs under the agent) share: fds to register, /proc checks, the
 * agent's MBean, bounded waits for the GC and the tracker, and one way to print results
 * ({@code CHILD key=value} lines the tests parse).
 */
public final class Child {
    private static final ObjectName TRACKER = name("dev.ringwatch:type=Tracker");
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(15);

    private Child() {
    }

    public static void print(String key, Object value) {
        System.out.println("CHILD " + key + "=" + value);
    }

    /** A fresh fd of /dev/null, to register into slots. */
    public static int openDevNull() {
        return TestLibc.openReadOnly("/dev/null");
    }

    /** A fresh TCP socket fd (AF_INET, SOCK_STREAM), never connected. */
    public static int socket() {
        return TestLibc.tcpSocket();
    }

    public static void close(int fd) {
        TestLibc.close(fd);
    }

    /** dup2(from, to): {@code to} is closed (whatever it was) and then names {@code from}'s file. */
    public static void dup2(int from, int to) {
        TestLibc.dup2(from, to);
    }

    /** Threads of this process named iou-sqp-*. */
    public static int sqpollThreads() {
        int n = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path t : tasks) {
                try {
                    if (Files.readString(t.resolve("comm")).startsWith("iou-sqp")) {
                        n++;
                    }
                } catch (IOException gone) {
                    // the thread exited while we listed
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    /** What fd {@code fd} is now, or "closed". */
    public static String fdTarget(int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
        } catch (IOException e) {
            return "closed";
        }
    }

    /** /proc/self/maps lines of io_uring mappings. */
    public static long ringMappings() {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.contains("io_uring")).count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits (bounded) until {@code condition} holds, collecting garbage meanwhile; returns whether it did. */
    public static boolean gcUntil(BooleanSupplier condition) {
        return until(condition, true);
    }

    /** Waits (bounded) until {@code condition} holds, without collecting garbage; returns whether it did. */
    public static boolean waitUntil(BooleanSupplier condition) {
        return until(condition, false);
    }

    private static boolean until(BooleanSupplier condition, boolean collect) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (collect) {
                System.gc();
            }
            sleep(collect ? 50 : 10);
        }
        return condition.getAsBoolean();
    }

    /** An attribute of the agent's MBean, or -1 while it is not registered. */
    public static long tracker(String attribute) {
        MBeanServer mbs = ManagementFactory.getPlatformMBeanServer();
        try {
            return ((Number) mbs.getAttribute(TRACKER, attribute)).longValue();
        } catch (InstanceNotFoundException notYet) {
            return -1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Collects garbage until the agent has reported {@code expected} leaks (bounded), then a little longer
     * so that any extra report would also show, and prints what the agent counted.
     */
    public static void settle(long expected) {
        boolean registered = gcUntil(() -> tracker("LeaksReported") >= 0);
        print("MBEAN", registered);
        gcUntil(() -> tracker("LeaksReported") >= expected);
        for (int i = 0; i < 4; i++) {
            System.gc();
            sleep(50);
        }
        print("LEAKS", tracker("LeaksReported"));
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ObjectName name(String n) {
        try {
            return new ObjectName(n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
