package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.finding.FindingEvents;
import dev.ringwatch.agent.kernel.KernelStatistics;
import dev.ringwatch.agent.kernel.Reconciler;
import dev.ringwatch.agent.track.TrackerSnapshot;
import dev.ringwatch.jfr.FileSlotUpdatedEvent;
import dev.ringwatch.jfr.OpenAtExitEvent;
import dev.ringwatch.jfr.RingClosedEvent;
import dev.ringwatch.jfr.RingCreatedEvent;
import dev.ringwatch.jfr.RingStatisticsEvent;

/**
 * The JFR side of the agent's reports: one method per event, each doing nothing beyond the event's
 * allocation-free {@code enabled()} check while no recording wants it.
 */
public final class Events {
    /**
     * Set once JFR initialised. Until then no event class is touched: loading one and asking it whether it
     * is enabled would initialise JFR's metadata, some 100 ms, in a JVM that never records.
     */
    private static volatile boolean jfrReady;

    /** The kernel reconciler, once started: it fills the kernel's half of RingStatistics. */
    private static volatile Reconciler reconciler;

    private Events() {
    }

    static void jfrInitialized() {
        jfrReady = true;
    }

    public static void ringCreated(TrackerSnapshot.RingView r) {
        if (!jfrReady || !RingCreatedEvent.enabled()) {
            return;
        }
        RingCreatedEvent e = new RingCreatedEvent();
        e.ringId = r.ringId();
        e.library = r.facts().library();
        e.ringFd = r.ringFd();
        e.setupFlags = r.facts().setupFlags();
        e.setupFlagsRaw = r.facts().setupFlagsRaw();
        e.sqEntries = r.facts().sqEntries();
        e.cqEntries = r.facts().cqEntries();
        e.sqThreadIdle = r.facts().sqThreadIdleMillis();
        e.sqThreadTid = -1; // until the new SQPOLL thread first runs, fdinfo names its creator instead
        e.attachedRingId = r.facts().attachedRingId();
        e.ownerClass = r.facts().ownerClass();
        e.commit();
    }

    public static void ringClosed(TrackerSnapshot.RingView r, long ageNanos, int occupiedSlots) {
        if (!jfrReady || !RingClosedEvent.enabled()) {
            return;
        }
        RingClosedEvent e = new RingClosedEvent();
        e.ringId = r.ringId();
        e.library = r.facts().library();
        e.ringFd = r.ringFd();
        e.setupFlags = r.facts().setupFlags();
        e.age = ageNanos;
        e.occupiedSlots = occupiedSlots;
        e.commit();
    }

    public static boolean slotUpdatesEnabled() {
        return jfrReady && FileSlotUpdatedEvent.enabled();
    }

    public static void slotUpdated(long ringId, int ringFd, int slot, String action, int fd, String file, long tag,
                                   String ownerClass, long confirmationDelayNanos) {
        FileSlotUpdatedEvent e = new FileSlotUpdatedEvent();
        e.ringId = ringId;
        e.ringFd = ringFd;
        e.slot = slot;
        e.action = action;
        e.fd = fd;
        e.file = file;
        e.tag = tag;
        e.ownerClass = ownerClass;
        e.confirmationDelay = confirmationDelayNanos;
        e.commit();
    }

    /** Commits {@code finding}'s event, filled by {@link FindingEvents} (the one place that fills it). */
    public static void finding(Finding finding) {
        if (jfrReady) {
            FindingEvents.commit(finding);
        }
    }

    /** Commits the exit summary (the caller makes sure it happens once). */
    public static void openAtExit(TrackerSnapshot snap, String summary) {
        if (!jfrReady || !OpenAtExitEvent.enabled()) {
            return;
        }
        OpenAtExitEvent e = new OpenAtExitEvent();
        int sqpoll = 0;
        int slots = 0;
        int pending = 0;
        for (TrackerSnapshot.RingView r : snap.open()) {
            if (r.sqpoll()) {
                sqpoll++;
            }
            int occupied = (int) r.occupiedSlots();
            slots += occupied;
            pending += r.slots().size() - occupied;
        }
        e.openRings = snap.open().size();
        e.sqpollRings = sqpoll;
        e.occupiedSlots = slots;
        e.pendingReleases = pending;
        e.summary = summary == null ? "" : summary;
        e.commit();
    }

    /**
     * The reconciler whose last round gives the kernel's half of RingStatistics (null: none runs). The agent
     * emits the one RingStatistics per period; the reconciler is started without its own.
     */
    public static void kernelStatisticsFrom(Reconciler r) {
        reconciler = r;
    }

    /** Fills a statistics event: the tracker's counts now, the kernel's from the reconciler's last round. */
    public static void statistics(RingStatisticsEvent e, TrackerSnapshot.Counts c) {
        e.liveRings = c.liveRings();
        e.sqpollRings = c.sqpollRings();
        e.sqpollThreads = -1;
        e.occupiedSlotsTracked = (int) Math.min(Integer.MAX_VALUE, c.occupiedSlots());
        e.occupiedSlotsKernel = -1;
        e.pendingReleases = (int) Math.min(Integer.MAX_VALUE, c.pendingReleases());
        e.socketsUsed = -1;
        e.droppedEntries = c.droppedEntries();
        e.leaksReported = c.leaks(); // the kernel rules' leaks are counted by the tracker too (KernelAlerts)
        Reconciler r = reconciler;
        if (r != null) {
            KernelStatistics k = r.statistics();
            if (k.rounds() > 0) {
                e.sqpollThreads = k.sqpollThreads();
                e.occupiedSlotsKernel = k.occupiedSlotsKernel();
                e.socketsUsed = k.socketsUsed();
            }
            e.droppedEntries += r.entriesForgotten();
        }
    }
}
