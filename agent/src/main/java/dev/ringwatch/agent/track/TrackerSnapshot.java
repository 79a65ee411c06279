package dev.ringwatch.agent.track;

import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.model.WithRingFacts;

import java.util.Comparator;
import java.util.List;

/**
 * A consistent copy of the tracker's model, for the kernel reconciler and the exit summary: each ring's
 * view and its slots are taken under that ring's monitor, so a ring is never seen half-updated. Times are
 * {@link System#nanoTime()} values.
 *
 * @param open           rings still open (including those already reported as leaked and not reclaimed)
 * @param recentlyClosed rings closed within the retention window, newest last (for "closed but still
 *                       mapped" and "SQPOLL thread outlived ring")
 */
public record TrackerSnapshot(long takenNanos, List<RingView> open, List<RingView> recentlyClosed,
                              Counts counts) {

    /** Orderings as classes, not lambdas (which cost start-up time on first use). */
    static final Comparator<RingView> BY_RING_ID = new Comparator<>() {
        @Override
        public int compare(RingView a, RingView b) {
            return Long.compare(a.ringId(), b.ringId());
        }
    };
    static final Comparator<SlotView> BY_SLOT = new Comparator<>() {
        @Override
        public int compare(SlotView a, SlotView b) {
            return Integer.compare(a.slot(), b.slot());
        }
    };

    /**
     * @param facts          what the adapter saw at set-up, under the tracker's id
     * @param inode          the ring file's inode (its identity in /proc/self/maps), -1 if unread
     * @param creatingThread the thread that set the ring up
     * @param ownerThread    the thread that runs the ring: the creating one unless the adapter named another
     * @param closedNanos    0 while open
     * @param closedBy       null while open, else "application" or "reclaim"
     * @param slots          occupied slots and released ones awaiting the kernel's drop confirmation
     */
    public record RingView(RingFacts facts, long inode, long createdNanos, long createdEpochMillis,
                           String creatingThread, String ownerThread, CreationSite site, boolean open,
                           boolean leakReported, long closedNanos, CreationSite closeSite, String closeThread,
                           String closedBy, List<SlotView> slots) implements WithRingFacts {

        public long occupiedSlots() {
            long n = 0;
            for (SlotView s : slots) {
                if (s.occupied()) {
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * @param fd            the registered fd, -1 for a slot the kernel filled
     * @param occupied      false: released, awaiting the kernel's tag CQE since {@code releasedNanos}
     * @param site          where it was registered, or null when not captured
     */
    public record SlotView(int slot, int fd, long tag, boolean kernelInstalled, boolean occupied, String ownerClass,
                           boolean explicitOwner, long createdNanos, long releasedNanos, String thread,
                           CreationSite site, boolean leakReported) {
    }

    /**
     * Running totals since the agent started.
     *
     * @param kernelLeaks leaks the kernel reconciler reported (its rules), beside the GC rules' ring and slot leaks
     */
    public record Counts(int liveRings, int sqpollRings, long occupiedSlots, long pendingReleases, long ringLeaks,
                         long slotLeaks, long reclaimedRings, long reclaimedSlots, long droppedEntries,
                         long trackedEntries, long kernelLeaks) {
        public Counts(int liveRings, int sqpollRings, long occupiedSlots, long pendingReleases, long ringLeaks,
                      long slotLeaks, long reclaimedRings, long reclaimedSlots, long droppedEntries,
                      long trackedEntries) {
            this(liveRings, sqpollRings, occupiedSlots, pendingReleases, ringLeaks, slotLeaks, reclaimedRings,
                    reclaimedSlots, droppedEntries, trackedEntries, 0);
        }

        /** Every leak reported, by any rule. */
        public long leaks() {
            return ringLeaks + slotLeaks + kernelLeaks;
        }
    }
}
