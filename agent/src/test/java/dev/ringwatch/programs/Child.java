package dev.ringwatch.programs;

import javax.management.InstanceNotFoundException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * What the test programs (run in child JVMs under the agent) share: fds to register, /proc checks, the
 * agent's MBean, bounded waits for the GC and the tracker, and one way to print results
 * ({@code CHILD key=value} lines the tests parse).
 */
@SuppressWarnings("restricted")
public final class Child {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle OPEN = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("open"),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SOCKET = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("socket"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle CLOSE = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("close"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle DUP2 = LINKER.downcallHandle(LINKER.defaultLookup().findOrThrow("dup2"),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final int O_RDONLY_CLOEXEC = 0x80000;
    private static final ObjectName TRACKER = name("dev.ringwatch:type=Tracker");
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(15);

    private Child() {
    }

    public static void print(String key, Object value) {
        System.out.println("CHILD " + key + "=" + value);
    }

    /** A fresh fd of /dev/null, to register into slots. */
    public static int openDevNull() {
        try (Arena a = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(a.allocateFrom("/dev/null"), O_RDONLY_CLOEXEC);
            if (fd < 0) {
                throw new IllegalStateException("open(/dev/null) failed");
            }
            return fd;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** A fresh TCP socket fd (AF_INET, SOCK_STREAM), never connected. */
    public static int socket() {
        try {
            int fd = (int) SOCKET.invokeExact(2, 1 | 0x80000, 0);
            if (fd < 0) {
                throw new IllegalStateException("socket() failed");
            }
            return fd;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    public static void close(int fd) {
        try {
            int rc = (int) CLOSE.invokeExact(fd);
            if (rc != 0) {
                throw new IllegalStateException("close(" + fd + ") failed");
            }
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** dup2(from, to): {@code to} is closed (whatever it was) and then names {@code from}'s file. */
    public static void dup2(int from, int to) {
        try {
            if ((int) DUP2.invokeExact(from, to) != to) {
                throw new IllegalStateException("dup2(" + from + ", " + to + ") failed");
            }
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
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
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            System.gc();
            sleep(50);
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
