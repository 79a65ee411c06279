package dev.ringwatch.agent.track;

/**
 * Where the tracker reports what happens: JFR events, log lines, JSON lines. Called on the
 * application's threads for lifecycle changes (so those must be cheap when nothing listens) and on
 * the tracker's thread for leaks and reclaims.
 */
public interface TrackerListener {
    String SLOT_REGISTERED = "registered";
    String SLOT_RELEASED = "released";
    String SLOT_DROP_CONFIRMED = "drop confirmed";

    /** Each method does nothing unless overridden: a listener takes only what it wants. */
    default void ringCreated(TrackerSnapshot.RingView ring) {
    }

    default void ringClosed(TrackerSnapshot.RingView ring, long ageNanos, int occupiedSlots) {
    }

    /** Whether {@link #slotUpdated} does anything (checked before gathering its arguments). */
    default boolean wantsSlotUpdates() {
        return false;
    }

    default void slotUpdated(long ringId, int ringFd, int slot, String action, int fd, long tag, String ownerClass,
                             long confirmationDelayNanos) {
    }

    default void ringLeak(LeakReport.RingLeak leak) {
    }

    default void slotLeak(LeakReport.SlotLeak leak) {
    }

    default void reclaimed(LeakReport.Reclaim reclaim) {
    }

    /** Rings from one creation site piled up (see {@link PileUpDetector}); on the tracker's thread. */
    default void ringPileUp(PileUp pileUp) {
    }

    /** An open ring's owning thread terminated; on the tracker's thread. */
    default void ringOutlivedThread(RingOutlivedThread leak) {
    }

    TrackerListener NONE = new TrackerListener() {
    };
}
