package dev.ringwatch.agent.jmx;

import dev.ringwatch.agent.track.Tracker;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/** The tracker's counters as an MXBean. */
public final class TrackerMBean implements TrackerMXBean {
    public static final String OBJECT_NAME = "dev.ringwatch:type=Tracker";

    private final Tracker tracker;

    public TrackerMBean(Tracker tracker) {
        this.tracker = tracker;
    }

    /** Registers with the platform MBean server; returns an error text, or null on success. */
    public static String register(Tracker tracker) {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new TrackerMBean(tracker), new ObjectName(OBJECT_NAME));
            return null;
        } catch (InstanceAlreadyExistsException e) {
            return OBJECT_NAME + " is registered already (a second ringwatch agent?)";
        } catch (JMException | RuntimeException e) {
            return e.toString();
        }
    }

    @Override
    public int getLiveRings() {
        return tracker.counts().liveRings();
    }

    @Override
    public int getSqpollRings() {
        return tracker.counts().sqpollRings();
    }

    @Override
    public int getSqpollThreads() {
        int[] tids = tracker.proc().sqpollThreads().orElse(null);
        return tids == null ? -1 : tids.length;
    }

    @Override
    public LeaksByRule getLeaksByRule() {
        return new LeaksByRule(tracker.leaksByRule());
    }

    @Override
    public long getOccupiedSlots() {
        return tracker.counts().occupiedSlots();
    }

    @Override
    public long getPendingReleases() {
        return tracker.counts().pendingReleases();
    }

    @Override
    public long getRingLeaks() {
        return tracker.counts().ringLeaks();
    }

    @Override
    public long getSlotLeaks() {
        return tracker.counts().slotLeaks();
    }

    @Override
    public long getKernelLeaks() {
        return tracker.counts().kernelLeaks();
    }

    @Override
    public long getLeaksReported() {
        return tracker.counts().leaks();
    }

    @Override
    public long getReclaimedRings() {
        return tracker.counts().reclaimedRings();
    }

    @Override
    public long getReclaimedSlots() {
        return tracker.counts().reclaimedSlots();
    }

    @Override
    public long getDroppedEntries() {
        return tracker.counts().droppedEntries();
    }

    @Override
    public long getTrackedEntries() {
        return tracker.counts().trackedEntries();
    }

    @Override
    public int getDistinctCreationSites() {
        return tracker.stacks().distinctSites();
    }
}
