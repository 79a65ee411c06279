package dev.ringwatch.agent.track;

import dev.ringwatch.agent.finding.Finding;

/** What the GC rules found, handed to the {@link TrackerListener}; {@code finding()} gives each in the common vocabulary. */
public final class LeakReport {
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

        /** This leak in the vocabulary every sink speaks. */
        public Finding.RingOutlivedOwner finding() {
            return new Finding.RingOutlivedOwner(ring.facts().library(), ring.ringId(), ring.ringFd(),
                    ring.facts().setupFlags(), severe(), ring.facts().ownerClass(), ring.creatingThread(),
                    ageNanos, CreationSite.framesText(ring.site()), ring.facts().mappedBytes(),
                    sqThreadTid, occupiedSlots, ring.facts().sqEntries(), ring.facts().explicitOwner(), ringCollected);
        }
    }

    /**
     * A slot that still holds a file while its owner became unreachable.
     *
     * @param file what the slot holds as the kernel shows it, e.g. {@code socket:[18868]}, or null
     */
    public record SlotLeak(TrackerSnapshot.RingView ring, TrackerSnapshot.SlotView slot, long ageNanos,
                           String file) {
        /** This leak in the vocabulary every sink speaks. */
        public Finding.SlotOutlivedOwner finding() {
            return new Finding.SlotOutlivedOwner(ring.ringId(), ring.ringFd(), slot.slot(), slot.fd(), file, slot.tag(),
                    slot.ownerClass(), slot.thread(), ageNanos, CreationSite.framesText(slot.site()),
                    slot.kernelInstalled(), slot.explicitOwner(), ring.sqpoll(), ring.facts().setupFlags(),
                    ring.facts().sqEntries());
        }
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
