package dev.ringwatch.agent.kernel;

import java.util.function.Consumer;

/**
 * What the agent's tracker knows, as the reconciler reads it once per round on its own thread. Each method
 * visits the tracker's current records without copying collections; a ring's records need only be
 * consistent with themselves, not across rings. Implementations must not block for long and must not
 * throw for ordinary races (a ring closing while visited).
 *
 * <p>Closed rings: list each closed ring for a while after its close (at least two reconciler periods plus
 * the SQPOLL grace period); the reconciler takes what it needs the first time it sees a ring closed.
 */
public interface TrackedState {

    /** Visits every open ring and every recently closed one. */
    void forEachRing(Consumer<? super TrackedRing> action);

    /** Visits every slot registration that holds its file or awaits the kernel's drop confirmation. */
    void forEachSlot(Consumer<? super TrackedSlot> action);

    /** Visits every long-lived operation in flight on a fixed file (polls, multishot accepts). */
    void forEachInFlight(Consumer<? super InFlightOp> action);

    /**
     * CQEs ready to be reaped on the open ring {@code ringId} ({@code IoUring.cqReady()}), or -1 when not
     * known; the reconciler then falls back to the kernel's fdinfo indexes.
     */
    int cqReady(long ringId);

    /**
     * Visits the rings an adapter reported but the tracker did not record (its memory cap), open or recently
     * closed: a library made them, so they are never untracked.
     */
    default void forEachCapDropped(Consumer<? super CapDroppedRing> action) {
    }

    /** True once more rings were dropped at the cap than could be remembered: the untracked rules then wait. */
    default boolean capDroppedOverflowed() {
        return false;
    }

    /** True while a library is setting up a ring (its fd exists before the tracker hears of it). */
    default boolean ringsBeingSetUp() {
        return false;
    }

    /** Rings or slots the tracker forgot because it reached its memory cap, since start. */
    default long droppedEntries() {
        return 0;
    }

    /** Leaks the tracker itself reported (owner gone), since start; the reconciler adds its own. */
    default long leaksReported() {
        return 0;
    }
}
