package dev.ringwatch.agent.jmx;

/** {@code dev.ringwatch:type=Tracker}: what the agent tracks, for the monitoring that scrapes JMX. */
public interface TrackerMXBean {
    /** Rings open now (including leaked ones not reclaimed: the kernel still holds them). */
    int getLiveRings();

    /** Of those, rings with an SQPOLL kernel thread. */
    int getSqpollRings();

    /** {@code iou-sqp} kernel threads of this process now (from /proc/self/task); -1 when unreadable. */
    int getSqpollThreads();

    /** Fixed-file slots holding a file. */
    long getOccupiedSlots();

    /** Released slots whose drop the kernel has not confirmed yet. */
    long getPendingReleases();

    long getRingLeaks();

    long getSlotLeaks();

    /** Leaks the kernel reconciler's rules reported (closed ring still mapped, untracked ring, ...). */
    long getKernelLeaks();

    /** Every leak reported since start: ring and slot leaks of the GC rules plus the kernel rules' leaks. */
    long getLeaksReported();

    /** Leaks reported since start, one item per rule (JMX CompositeData: ringOutlivedOwner, socketDrift, ...). */
    LeaksByRule getLeaksByRule();

    long getReclaimedRings();

    long getReclaimedSlots();

    /** Rings and slots not tracked because the tracker was at its cap (maxTracked). */
    long getDroppedEntries();

    /** Records held now (rings, occupied slots, pending releases); at most maxTracked. */
    long getTrackedEntries();

    /** Distinct creation stacks kept. */
    int getDistinctCreationSites();
}
