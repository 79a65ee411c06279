package dev.ringwatch.agent.track;

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

    TrackerSnapshot.SlotView view() {
        return new TrackerSnapshot.SlotView(slot, fd, tag, kernelInstalled, state == State.OCCUPIED, ownerClass,
                explicitOwner, createdNanos, state == State.RELEASED ? releasedNanos : 0L, thread, site, leakReported);
    }
}
