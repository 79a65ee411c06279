package dev.ringwatch.agent.track;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

/**
 * Watches the owner of one ring or one slot: the GC enqueues it when the owner became unreachable.
 * Weak rather than phantom so that the tracker can still compare owners while they live (a slot
 * owned by its ring's owner is covered by the ring's report). Cleared on a normal close, so closed
 * resources never reach the queue.
 */
final class OwnerWatch extends WeakReference<Object> {
    final RingRecord ring;
    /** Null when this watches a ring's owner. */
    final SlotRecord slot;

    OwnerWatch(Object owner, ReferenceQueue<Object> queue, RingRecord ring, SlotRecord slot) {
        super(owner, queue);
        this.ring = ring;
        this.slot = slot;
    }
}
