package dev.ringwatch.agent.kernel;

import java.util.Objects;

/**
 * The tracker's record of one registration of a file into a fixed-file slot: while it holds the file, and
 * after its release until the kernel confirmed the drop (its tag CQE). Immutable, like {@link TrackedRing}.
 *
 * @param ringId          the ring whose table holds the slot
 * @param slot            slot index
 * @param fd              the application's fd that was registered; -1 for a slot the kernel filled
 * @param target          what {@code fd} pointed at when it was registered, as /proc/self/fd shows it (e.g.
 *                        {@code socket:[18868]}); empty when not recorded
 * @param tag             the registration's resource tag (unique per registration in ring-core); 0 for none
 * @param ownerClass      class of the object whose life bounds the slot
 * @param site            where the file was registered (stack text); empty when not captured
 * @param thread          name of the registering thread
 * @param registeredNanos {@link System#nanoTime()} at registration
 * @param released        true once the slot was released
 * @param releasedNanos   {@link System#nanoTime()} at release; ignored until released
 * @param dropConfirmed   true once the kernel's tag CQE for the release arrived
 */
public record TrackedSlot(long ringId, int slot, int fd, String target, long tag, String ownerClass, String site,
                          String thread, long registeredNanos, boolean released, long releasedNanos,
                          boolean dropConfirmed) {

    public TrackedSlot {
        if (slot < 0) {
            throw new IllegalArgumentException("slot must be >= 0, got " + slot);
        }
        target = Objects.requireNonNullElse(target, "");
        ownerClass = Objects.requireNonNullElse(ownerClass, "");
        site = Objects.requireNonNullElse(site, "");
        thread = Objects.requireNonNullElse(thread, "");
    }

    /** Holds its file: registered and not released. */
    public boolean occupied() {
        return !released;
    }

    /** Released, and the kernel has not yet confirmed that it dropped the file. */
    public boolean awaitingDrop() {
        return released && !dropConfirmed;
    }

    public TrackedSlot releasedAt(long nanos) {
        return new TrackedSlot(ringId, slot, fd, target, tag, ownerClass, site, thread, registeredNanos, true, nanos,
                false);
    }

    public TrackedSlot dropConfirmedNow() {
        return new TrackedSlot(ringId, slot, fd, target, tag, ownerClass, site, thread, registeredNanos, released,
                releasedNanos, true);
    }
}
