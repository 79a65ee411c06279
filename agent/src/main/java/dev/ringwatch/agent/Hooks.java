package dev.ringwatch.agent;

import dev.ringwatch.agent.alert.AgentLog;
import dev.ringwatch.agent.track.RingFacts;
import dev.ringwatch.agent.track.Tracker;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The static entry points the advice woven into ring-core calls. Parameters are plain values and
 * {@code Object}s: this class (on the system class path with the agent) never links against ring-core
 * types, so it serves a ring-core loaded by any class loader that delegates to the system one.
 *
 * <p>A failure inside the tracker must never reach the application: each entry point catches it and
 * logs the first one.
 */
public final class Hooks {
    private static volatile Tracker tracker;
    private static final AtomicBoolean FAILURE_LOGGED = new AtomicBoolean();
    /** Long-lived ops on a fixed file, as {@link #inFlightArmed} takes them (see {@code InFlightOps}). */
    public static final int OP_POLL = 0;
    public static final int OP_POLL_MULTISHOT = 1;
    public static final int OP_ACCEPT_MULTISHOT = 2;
    public static final int OP_ACCEPT_MULTISHOT_DIRECT = 3;

    private Hooks() {
    }

    static void install(Tracker t) {
        tracker = t;
    }

    /** Whether a tracker listens; the advice checks this before it gathers arguments that allocate. */
    public static boolean active() {
        return tracker != null;
    }

    public static void ringOpened(Object ring, long id, int fd, int flags, String flagNames, boolean sqpoll,
                                  int sqEntries, int cqEntries, int sqThreadIdleMillis, Object owner,
                                  boolean explicitOwner, String ownerClass, long attachedRingId, long[] mappings) {
        Tracker t = tracker;
        if (t == null) {
            return;
        }
        try {
            RingFacts facts = new RingFacts(id, fd, flags, flagNames, sqpoll, sqEntries, cqEntries,
                    sqThreadIdleMillis, ownerClass, explicitOwner, attachedRingId, mappings);
            t.ringOpened(ring, facts, explicitOwner ? owner : null, explicitOwner && owner == null);
        } catch (Throwable e) {
            failed("ringOpened", e);
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
            failed("ringClosing", e);
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
            failed("slotOccupied", e);
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
            failed("slotVacated", e);
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
            failed("slotDropConfirmed", e);
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
            failed("inFlightArmed", e);
        }
    }

    private static void failed(String where, Throwable e) {
        if (FAILURE_LOGGED.compareAndSet(false, true)) {
            AgentLog.log(Level.ERROR, "ringwatch: internal error in " + where + " (reported once; the application"
                    + " is not affected, tracking may be incomplete): " + e, e);
        }
    }
}
