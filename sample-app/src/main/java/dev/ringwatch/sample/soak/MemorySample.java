package dev.ringwatch.sample.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * One point of the soak's memory curve: heap in use right after a full GC (what the program and the agent
 * really hold), resident set size, and, when the agent's MBean is there, what the agent tracks.
 */
record MemorySample(long heapAfterGcBytes, long rssBytes, long trackedRings, long trackedSlots, long leaksReported) {
    private static final String TRACKER = "dev.ringwatch:type=Tracker";

    static MemorySample take() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        return new MemorySample(heap, rss(), tracker("LiveRings"), tracker("OccupiedSlots"), agentLeaksReported());
    }

    /** The agent's count of leaks reported so far, -1 without the agent's MBean. */
    static long agentLeaksReported() {
        return tracker("LeaksReported");
    }

    private static long rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private static long tracker(String attribute) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Object value = server.getAttribute(new ObjectName(TRACKER), attribute);
            return value instanceof Number n ? n.longValue() : -1;
        } catch (Exception notThere) {
            return -1;   // no agent, or its MBean is not registered yet
        }
    }
}
