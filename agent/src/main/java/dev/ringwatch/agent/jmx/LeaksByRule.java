package dev.ringwatch.agent.jmx;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Leaks reported since start, by the rule that found them, as JMX shows them ({@code LeaksByRule}: one key per
 * rule, so a monitoring system can alert on each). The GC rules' counts come from the tracker; the kernel
 * rules, which the tracker counts only as a total, are counted here by the code that reports them. One agent
 * per JVM, so the kernel rules' counts live in one static map.
 */
public final class LeaksByRule {
    private static final Map<String, LongAdder> KERNEL_RULES = new ConcurrentHashMap<>();

    private final long ringOutlivedOwner;
    private final long slotOutlivedOwner;

    LeaksByRule(long ringOutlivedOwner, long slotOutlivedOwner) {
        this.ringOutlivedOwner = ringOutlivedOwner;
        this.slotOutlivedOwner = slotOutlivedOwner;
    }

    /** Counts one leak a kernel rule reported; {@code rule} is its title, e.g. {@code closed ring still mapped}. */
    public static void countKernelRule(String rule) {
        KERNEL_RULES.computeIfAbsent(rule, r -> new LongAdder()).increment();
    }

    private static long kernel(String rule) {
        LongAdder n = KERNEL_RULES.get(rule);
        return n == null ? 0 : n.sum();
    }

    public long getRingOutlivedOwner() {
        return ringOutlivedOwner;
    }

    public long getSlotOutlivedOwner() {
        return slotOutlivedOwner;
    }

    public long getClosedRingStillMapped() {
        return kernel("closed ring still mapped");
    }

    public long getSqpollThreadOutlivedRing() {
        return kernel("SQPOLL thread outlived ring");
    }

    public long getFdClosedUnderSlot() {
        return kernel("fd closed under slot");
    }

    public long getSlotReleaseStalled() {
        return kernel("slot release stalled");
    }

    public long getSocketDrift() {
        return kernel("socket drift");
    }

    public long getUntrackedRing() {
        return kernel("untracked ring");
    }
}
