package dev.ringwatch.bench;

import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Heap held per occupied fixed-file slot: registers N slots (one fd, spread over rings because the
 * kernel caps a table at RLIMIT_NOFILE), keeps every handle reachable, and prints the used heap after
 * full GCs before and after, divided by N. bench/run.sh runs it with and without the agent; the
 * difference of the two figures is what the agent holds per tracked slot.
 *
 * <p>Prints {@code heap_bytes_per_slot X} and, under the agent, {@code tracked_entries} and
 * {@code dropped_entries} read from its MBean, so a run whose slots were not all tracked (maxTracked
 * too small) is visible instead of flattering the figure.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.ringwatch.bench.SlotMemory [N]}
 */
public final class SlotMemory {
    private static final int SLOTS_PER_RING = 10_000;
    private static final String TRACKER = "dev.ringwatch:type=Tracker";

    private SlotMemory() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        if (n <= 0) {
            throw new IllegalArgumentException("N must be positive, got " + n);
        }
        Path file = Files.createTempFile("ringwatch-slot-memory", ".dat");
        int fd = PosixFiles.openReadOnly(file);
        List<IoUring> rings = new ArrayList<>();
        List<FixedFile> slots = new ArrayList<>(n);
        try {
            int ringCount = (n + SLOTS_PER_RING - 1) / SLOTS_PER_RING;
            for (int i = 0; i < ringCount; i++) {
                IoUring ring = IoUring.builder().entries(8).build();
                rings.add(ring);
                ring.registerFiles(Math.min(SLOTS_PER_RING, n - i * SLOTS_PER_RING));
            }
            // a first registration and release per ring loads every class and code path the loop uses
            for (IoUring ring : rings) {
                ring.files().register(fd, null).close();
                ring.forEachCompletion((userData, res, flags) -> { });
            }
            long before = usedHeapAfterGc();
            for (int i = 0; i < n; i++) {
                slots.add(rings.get(i / SLOTS_PER_RING).files().register(fd, null));
            }
            long after = usedHeapAfterGc();
            System.out.printf("slots %d%n", slots.size());
            System.out.printf("heap_bytes_per_slot %.1f%n", (after - before) / (double) n);
            printTrackerCounts();
        } finally {
            for (IoUring ring : rings) {
                ring.close();
            }
            PosixFiles.close(fd);
            Files.deleteIfExists(file);
        }
    }

    /** Used heap once repeated full GCs stop changing it (weak references cleared, finalizable work done). */
    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(50);
            used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < 4096) {
                break;
            }
            previous = used;
        }
        return used;
    }

    private static void printTrackerCounts() throws Exception {
        boolean agent = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(arg -> arg.startsWith("-javaagent:"));
        if (!agent) {
            System.out.println("agent none");
            return;
        }
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName tracker = new ObjectName(TRACKER);
        // the agent registers its MBean once the platform server exists, from its own thread
        for (int i = 0; i < 100 && !server.isRegistered(tracker); i++) {
            Thread.sleep(50);
        }
        if (!server.isRegistered(tracker)) {
            throw new IllegalStateException("-javaagent given but no MBean " + TRACKER + " after 5 s");
        }
        System.out.println("tracked_entries " + server.getAttribute(tracker, "TrackedEntries"));
        System.out.println("dropped_entries " + server.getAttribute(tracker, "DroppedEntries"));
    }
}
