package dev.ringwatch.agent.track;

import dev.ringwatch.agent.log.FirstFailure;
import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.track.Tracker;

/**
 * The static entry points every adapter's advice calls, whatever library made the ring. Parameters are
 * plain values, {@link RingFacts} and {@code Object}s: this class (on the system class path with the agent)
 * never links against a ring library's types, so it serves a library loaded by any class loader that
 * delegates to the system one.
 *
 * <p>A failure inside the tracker must never reach the application: each entry point catches it and
 * logs the first one.
 */
public final class Hooks {
    private static volatile Tracker tracker;
    private static final FirstFailure FAILURE = new FirstFailure("");
    /** Long-lived ops on a fixed file, as {@link #inFlightArmed} takes them (see {@code InFlightOps}). */
    public static final int OP_POLL = 0;
    public static final int OP_POLL_MULTISHOT = 1;
    public static final int OP_ACCEPT_MULTISHOT = 2;
    public static final int OP_ACCEPT_MULTISHOT_DIRECT = 3;

    private Hooks() {
    }

    /** For the agent's start-up (and tests): the tracker the hooks feed, or null to stop. */
    public static void install(Tracker t) {
        tracker = t;
    }

    /** The tracker the hooks feed, or null: for read-only views of it (the test probe). */
    public static Tracker tracker() {
        return tracker;
    }

    /** Whether a tracker listens; the advice checks this before it gathers arguments that allocate. */
    public static boolean active() {
        return tracker != null;
    }

    /**
     * A ring was set up. {@code owner}: the object whose life bounds the ring when the application named
     * one ({@code facts.explicitOwner()}; null there means it is already gone), else ignored: the ring
     * owns itself. Returns the ring's id (the one in {@code facts}, or the one the tracker assigned when
     * that was 0), or 0 when nothing tracks it.
     */
    public static long ringOpened(Object ring, RingFacts facts, Object owner) {
        Tracker t = tracker;
        if (t == null) {
            return 0;
        }
        try {
            boolean explicit = facts.explicitOwner();
            return t.ringOpened(ring, facts, explicit ? owner : null, explicit && owner == null);
        } catch (Throwable e) {
            FAILURE.log("ringOpened", e);
            return 0;
        }
    }

    /**
     * A library began setting up a ring: its fd exists before {@link #ringOpened} (which must follow, or
     * {@link #ringSetupEnded} on failure), and meanwhile no io_uring fd is called untracked.
     */
    public static void ringSetupStarted() {
        Tracker t = tracker;
        if (t != null) {
            t.ringSetupStarted();
        }
    }

    /** The set-up {@link #ringSetupStarted} announced is over (after {@link #ringOpened}, or it failed). */
    public static void ringSetupEnded() {
        Tracker t = tracker;
        if (t != null) {
            t.ringSetupEnded();
        }
    }

    /** The ring object {@code ring} is being closed (idempotent): for adapters that keep no id. */
    public static void ringClosing(Object ring) {
        Tracker t = tracker;
        if (t == null || ring == null) {
            return;
        }
        try {
            t.ringClosing(ring);
        } catch (Throwable e) {
            FAILURE.log("ringClosing", e);
        }
    }

    /** The thread that runs ring {@code ringId} from now on (an event loop's): "outlived its thread" watches it. */
    public static void ringOwnerThread(long ringId, Thread thread) {
        Tracker t = tracker;
        if (t == null) {
            return;
        }
        try {
            t.ringOwnerThread(ringId, thread);
        } catch (Throwable e) {
            FAILURE.log("ringOwnerThread", e);
        }
    }

    public static void ringClosing(long ringId) {
        Tracker t = tracker;
        if (t == null) {
            return;
        }
        try {
            t.ringClosing(ringId);
        } catch (Throwable e) {
            FAILURE.log("ringClosing", e);
        }
    }

    public static void slotOccupied(Object table, long ringId, int slot, int fd, long tag, boolean kernelInstalled,
                                    Object owner, boolean explicitOwner, String ownerClass) {
        Tracker t = tracker;
        if (t == null) {
            return;
        }
        try {
            t.slotOccupied(table, ringId, slot, fd, tag, kernelInstalled, owner, explicitOwner, ownerClass);
        } catch (Throwable e) {
            FAILURE.log("slotOccupied", e);
        }
    }

    public static void slotVacated(long ringId, int slot, long tag) {
        Tracker t = tracker;
        if (t == null) {
            return;
        }
        try {
            t.slotVacated(ringId, slot, tag);
        } catch (Throwable e) {
            FAILURE.log("slotVacated", e);
        }
    }

    public static void slotDropConfirmed(long ringId, int slot, long tag) {
        Tracker t = tracker;
        if (t == null) {
            return;
        }
        try {
            t.slotDropConfirmed(ringId, slot, tag);
        } catch (Throwable e) {
            FAILURE.log("slotDropConfirmed", e);
        }
    }

    /** A long-lived op ({@code OP_*}) on fixed-file slot {@code slot} of ring {@code ringId} was prepared. */
    public static void inFlightArmed(long ringId, int slot, int op) {
        Tracker t = tracker;
        if (t == null) {
            return;
        }
        try {
            t.inFlightArmed(ringId, slot, op);
        } catch (Throwable e) {
            FAILURE.log("inFlightArmed", e);
        }
    }
}
