package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.model.WithRingFacts;

import java.util.Objects;

/**
 * The tracker's record of one ring, as the reconciler needs it. Immutable: a tracker may keep one instance
 * per ring and replace it when the ring closes, so that listing rings each round allocates nothing.
 *
 * @param facts              what the adapter saw at set-up (id unique in the JVM, from 1)
 * @param inode              the ring's inode (fdinfo {@code ino}), read while it was open; -1 when not known
 *                           (the reconciler then learns it from fdinfo while the ring is open)
 * @param sqThreadTid        the SQPOLL thread's tid as read from fdinfo at creation, -1 when not known. May be
 *                           the creating thread's tid (the kernel shows that until the new thread first runs):
 *                           the reconciler only trusts it once /proc shows an {@code iou-sqp} thread with it
 * @param open               false once the ring was closed
 * @param createdNanos       {@link System#nanoTime()} at creation
 * @param closedNanos        {@link System#nanoTime()} at close; ignored while open
 * @param closeSite          where the ring was closed (stack text); empty when not captured or still open
 * @param creationSite       where the ring was created (stack text); empty when not captured
 * @param creatingThread     name of the thread that created the ring
 */
public record TrackedRing(RingFacts facts, long inode, int sqThreadTid, boolean open, long createdNanos,
                          long closedNanos, String closeSite, String creationSite, String creatingThread)
        implements WithRingFacts {

    public TrackedRing {
        Objects.requireNonNull(facts, "facts");
        if (facts.ringId() <= 0) {
            throw new IllegalArgumentException("ring id must be > 0, got " + facts.ringId());
        }
        closeSite = Objects.requireNonNullElse(closeSite, "");
        creationSite = Objects.requireNonNullElse(creationSite, "");
        creatingThread = Objects.requireNonNullElse(creatingThread, "");
    }

    /** The same ring, closed at {@code nanos} from {@code site}. */
    public TrackedRing closed(long nanos, String site) {
        return new TrackedRing(facts, inode, sqThreadTid, false, createdNanos, nanos, site, creationSite,
                creatingThread);
    }
}
