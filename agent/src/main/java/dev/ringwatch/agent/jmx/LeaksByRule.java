package dev.ringwatch.agent.jmx;

import dev.ringwatch.agent.finding.Rule;

import java.util.Map;

/**
 * Leaks reported since start, by the rule that found them, as JMX shows them ({@code LeaksByRule}: one item per
 * {@link Rule}, named after it in camel case, so a monitoring system can alert on each). A snapshot of the
 * tracker's per-rule counts; one getter per rule because an MXBean's composite items are its getters.
 */
public final class LeaksByRule {
    private final Map<Rule, Long> counts;

    LeaksByRule(Map<Rule, Long> counts) {
        this.counts = counts;
    }

    private long of(Rule rule) {
        Long n = counts.get(rule);
        return n == null ? 0 : n;
    }

    public long getRingOutlivedOwner() {
        return of(Rule.RING_OUTLIVED_OWNER);
    }

    public long getSlotOutlivedOwner() {
        return of(Rule.SLOT_OUTLIVED_OWNER);
    }

    public long getClosedRingStillMapped() {
        return of(Rule.CLOSED_RING_STILL_MAPPED);
    }

    public long getSqpollThreadOutlivedRing() {
        return of(Rule.SQPOLL_THREAD_OUTLIVED_RING);
    }

    public long getFdClosedUnderSlot() {
        return of(Rule.FD_CLOSED_UNDER_SLOT);
    }

    public long getSlotReleaseStalled() {
        return of(Rule.SLOT_RELEASE_STALLED);
    }

    public long getSocketDrift() {
        return of(Rule.SOCKET_DRIFT);
    }

    public long getUntrackedRing() {
        return of(Rule.UNTRACKED_RING);
    }

    public long getRingPileUp() {
        return of(Rule.RING_PILE_UP);
    }

    public long getRingOutlivedThread() {
        return of(Rule.RING_OUTLIVED_THREAD);
    }
}
