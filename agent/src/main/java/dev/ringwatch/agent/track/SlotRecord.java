package dev.ringwatch.agent.track;

import dev.ringwatch.agent.kernel.TrackedSlot;

/**
 * One registration of a file into a fixed-file slot, from registration until the kernel confirmed the
 * drop (or the ring closed). Mutable state is guarded by the ring's record.
 */
final class SlotRecord {
    enum State { OCCUPIED, RELEASED, GONE }

    final RingRecord ring;
    final int slot;
    final int fd;
    final long tag;
    final boolean kernelInstalled;
    final String ownerClass;
    final boolean explicitOwner;
    /** The slot's owner is the ring's explicit owner: when that goes, the ring's report covers the slot. */
    final boolean sameOwnerAsRing;
    final long createdNanos;
    final String thread;
    final CreationSite site;
    OwnerWatch watch;

    State state = State.OCCUPIED;
    long releasedNanos;
    boolean leakReported;
    /** The reconciler's view, made once per state. */
    private TrackedSlot tracked;

    SlotRecord(RingRecord ring, int slot, int fd, long tag, boolean kernelInstalled, String ownerClass,
               boolean explicitOwner, boolean sameOwnerAsRing, long createdNanos, String thread,
               CreationSite site) {
        this.ring = ring;
        this.slot = slot;
        this.fd = fd;
        this.tag = tag;
        this.kernelInstalled = kernelInstalled;
        this.ownerClass = ownerClass;
        this.explicitOwner = explicitOwner;
        this.sameOwnerAsRing = sameOwnerAsRing;
        this.createdNanos = createdNanos;
        this.thread = thread;
        this.site = site;
    }

    /** Called under the ring's monitor. */
    TrackedSlot tracked() {
        boolean released = state != State.OCCUPIED;
        if (tracked == null || tracked.released() != released) {
            // no target: reading /proc/self/fd at every registration would cost more than the rest of the tracking
            tracked = new TrackedSlot(ring.id, slot, fd, "", tag, ownerClass, CreationSite.framesText(site), thread,
                    createdNanos, released, released ? releasedNanos : 0L, false);
        }
        return tracked;
    }

    TrackerSnapshot.SlotView view() {
        return new TrackerSnapshot.SlotView(slot, fd, tag, kernelInstalled, state == State.OCCUPIED, ownerClass,
                explicitOwner, createdNanos, state == State.RELEASED ? releasedNanos : 0L, thread, site, leakReported);
    }
}
