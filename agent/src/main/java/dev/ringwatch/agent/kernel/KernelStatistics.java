package dev.ringwatch.agent.kernel;

import dev.ringwatch.jfr.RingStatisticsEvent;

/**
 * The counts of the reconciler's last round, kernel beside tracker, as the periodic {@code RingStatistics}
 * event carries them. Kernel counts are -1 when the kernel's view could not be read.
 *
 * @param rounds rounds run since start
 */
public record KernelStatistics(int liveRings, int sqpollRings, int sqpollThreads, int occupiedSlotsTracked,
                               int occupiedSlotsKernel, int pendingReleases, long socketsUsed, long droppedEntries,
                               long leaksReported, long rounds) {

    /** Before the first round. */
    public static final KernelStatistics NONE = new KernelStatistics(0, 0, -1, 0, -1, 0, -1, 0, 0, 0);

    void fill(RingStatisticsEvent e) {
        e.liveRings = liveRings;
        e.sqpollRings = sqpollRings;
        e.sqpollThreads = sqpollThreads;
        e.occupiedSlotsTracked = occupiedSlotsTracked;
        e.occupiedSlotsKernel = occupiedSlotsKernel;
        e.pendingReleases = pendingReleases;
        e.socketsUsed = socketsUsed;
        e.droppedEntries = droppedEntries;
        e.leaksReported = leaksReported;
    }
}
