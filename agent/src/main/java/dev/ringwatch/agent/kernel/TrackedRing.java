package dev.ringwatch.agent.kernel;

import java.util.Objects;

/**
 * The tracker's record of one ring, as the reconciler needs it. Immutable: a tracker may keep one instance
 * per ring and replace it when the ring closes, so that listing rings each round allocates nothing.
 *
 * @param ringId             the ring's id (unique in the JVM, from 1)
 * @param fd                 the ring's fd (the one it had, once closed)
 * @param inode              the ring's inode (fdinfo {@code ino}), read while it was open; -1 when not known
 *                           (the reconciler then learns it from fdinfo while the ring is open)
 * @param setupFlags         IORING_SETUP_* flags
 * @param setupFlagNames     the flags as text, e.g. {@code SQPOLL|SQE128}; empty for none
 * @param sqpoll             set up with IORING_SETUP_SQPOLL
 * @param sqThreadIdleMillis sq_thread_idle in ms; 0 means the kernel's default of 1 s
 * @param sqThreadTid        the SQPOLL thread's tid as read from fdinfo at creation, -1 when not known. May be
 *                           the creating thread's tid (the kernel shows that until the new thread first runs):
 *                           the reconciler only trusts it once /proc shows an {@code iou-sqp} thread with it
 * @param attachedTo         id of the ring given to ATTACH_WQ, 0 when none
 * @param open               false once the ring was closed
 * @param createdNanos       {@link System#nanoTime()} at creation
 * @param closedNanos        {@link System#nanoTime()} at close; ignored while open
 * @param closeSite          where the ring was closed (stack text); empty when not captured or still open
 * @param ownerClass         class of the object whose life bounds the ring
 * @param creationSite       where the ring was created (stack text); empty when not captured
 * @param creatingThread     name of the thread that created the ring
 */
public record TrackedRing(long ringId, int fd, long inode, int setupFlags, String setupFlagNames, boolean sqpoll,
                          int sqThreadIdleMillis, int sqThreadTid, long attachedTo, boolean open, long createdNanos,
                          long closedNanos, String closeSite, String ownerClass, String creationSite,
                          String creatingThread) {

    public TrackedRing {
        if (ringId <= 0) {
            throw new IllegalArgumentException("ringId must be > 0, got " + ringId);
        }
        setupFlagNames = Objects.requireNonNullElse(setupFlagNames, "");
        closeSite = Objects.requireNonNullElse(closeSite, "");
        ownerClass = Objects.requireNonNullElse(ownerClass, "");
        creationSite = Objects.requireNonNullElse(creationSite, "");
        creatingThread = Objects.requireNonNullElse(creatingThread, "");
    }

    /** The same ring, closed at {@code nanos} from {@code site}. */
    public TrackedRing closed(long nanos, String site) {
        return new TrackedRing(ringId, fd, inode, setupFlags, setupFlagNames, sqpoll, sqThreadIdleMillis,
                sqThreadTid, attachedTo, false, createdNanos, nanos, site, ownerClass, creationSite, creatingThread);
    }
}
