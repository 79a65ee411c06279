package dev.ringwatch.agent.track;

/** What the tracker found, handed to the {@link TrackerListener} to log and record. */
public final class LeakReport {
    public static final String RULE_RING = "ring outlived owner";
    public static final String RULE_SLOT = "slot outlived owner";

    private LeakReport() {
    }

    /**
     * An open ring whose owner became unreachable.
     *
     * @param ringCollected the ring object itself is gone too (nothing can close it any more)
     * @param sqThreadTid   the ring's live iou-sqp thread, -1 without SQPOLL or when not found
     */
    public record RingLeak(TrackerSnapshot.RingView ring, long ageNanos, int occupiedSlots, boolean ringCollected,
                           int sqThreadTid) {
        /** SQPOLL rings keep a kernel thread polling until the process exits. */
        public boolean severe() {
            return ring.sqpoll();
        }
    }

    /**
     * A slot that still holds a file while its owner became unreachable.
     *
     * @param file what the slot holds as the kernel shows it, e.g. {@code socket:[18868]}, or null
     */
    public record SlotLeak(TrackerSnapshot.RingView ring, TrackerSnapshot.SlotView slot, long ageNanos,
                           String file) {
    }

    /**
     * What the agent released after a report (option reclaim).
     *
     * @param slot   -1 for a ring
     * @param how    e.g. "closed the ring (IoUring.close())", "unmapped 2 regions and closed fd 12"
     * @param done   false when the agent declined or failed; {@code how} then says why
     */
    public record Reclaim(long ringId, int ringFd, int slot, boolean done, String how) {
    }
}
