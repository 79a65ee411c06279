package dev.ringwatch.agent.finding;

import dev.ringwatch.jfr.FileSlotLeakEvent;
import dev.ringwatch.jfr.RingLeakEvent;
import dev.ringwatch.jfr.RingPileUpEvent;
import dev.ringwatch.jfr.SlotReleaseStalledEvent;
import dev.ringwatch.jfr.SocketDriftEvent;
import dev.ringwatch.jfr.SqpollThreadLeakEvent;
import dev.ringwatch.jfr.UntrackedRingEvent;

/** The one place that turns a {@link Finding} into its JFR event; each event is filled here and nowhere else. */
public final class FindingEvents {
    private FindingEvents() {
    }

    /** Commits the event {@code finding} maps to, if a recording wants it. */
    public static void commit(Finding finding) {
        if (finding instanceof Finding.RingLeak f) {
            ringLeak(f);
        }
        if (finding instanceof Finding.SlotLeak f) {
            slotLeak(f);
        }
        if (finding instanceof Finding.SqpollThreadOutlivedRing f) {
            sqpollThreadLeak(f.sqThreadTid(), f.threadName(),
                    SqpollThreadLeakEvent.REASON_OUTLIVED_RING, f.ringId(), f.ringFd(), f.setupFlags(), f.sinceClose(),
                    f.ownerClass(), f.creatingThread(), f.creationStack());
        }
        if (finding instanceof Finding.UntrackedRing f) {
            if (UntrackedRingEvent.enabled()) {
                UntrackedRingEvent e = new UntrackedRingEvent();
                e.ringFd = f.ringFd();
                e.sqThreadTid = f.sqThreadTid();
                e.occupiedSlots = f.occupiedSlots();
                e.fdinfo = f.fdinfo();
                e.commit();
            }
        }
        if (finding instanceof Finding.UntrackedSqpollThread f) {
            sqpollThreadLeak(f.sqThreadTid(), f.threadName(),
                    SqpollThreadLeakEvent.REASON_NO_TRACKED_RING, 0, -1, "", 0, "", "", "");
        }
        if (finding instanceof Finding.SlotReleaseStalled f) {
            if (SlotReleaseStalledEvent.enabled()) {
                SlotReleaseStalledEvent e = new SlotReleaseStalledEvent();
                e.ringId = f.ringId();
                e.ringFd = f.ringFd();
                e.slot = f.slot();
                e.tag = f.tag();
                e.file = f.file();
                e.stalledFor = f.stalledFor();
                e.oldestInFlight = f.oldestInFlight();
                e.oldestInFlightAge = f.oldestInFlightAge();
                e.pendingReleases = f.pendingReleases();
                e.commit();
            }
        }
        if (finding instanceof Finding.RingPileUp f) {
            ringPileUp(f);
        }
        if (finding instanceof Finding.SocketDrift f) {
            if (SocketDriftEvent.enabled()) {
                SocketDriftEvent e = new SocketDriftEvent();
                e.window = f.window();
                e.socketsUsedStart = f.socketsUsedStart();
                e.socketsUsedEnd = f.socketsUsedEnd();
                e.socketFdsStart = f.socketFdsStart();
                e.socketFdsEnd = f.socketFdsEnd();
                e.slotHeldSocketsStart = f.slotHeldSocketsStart();
                e.slotHeldSocketsEnd = f.slotHeldSocketsEnd();
                e.unheldSockets = f.unheldSockets();
                e.commit();
            }
        }
    }

    private static void ringPileUp(Finding.RingPileUp f) {
        if (!RingPileUpEvent.enabled()) {
            return;
        }
        RingPileUpEvent e = new RingPileUpEvent();
        e.library = f.library();
        e.creationSite = f.creationSite();
        e.openRings = f.openRings();
        e.sqpollThreads = f.sqpollThreads();
        e.oldestAge = f.oldestAge();
        e.growingWindows = f.growingWindows();
        e.creatingThread = f.creatingThread();
        e.commit();
    }

    private static void ringLeak(Finding.RingLeak f) {
        if (!RingLeakEvent.enabled()) {
            return;
        }
        RingLeakEvent e = new RingLeakEvent();
        e.ringId = f.ringId();
        e.library = f.library();
        e.ringFd = f.ringFd();
        e.setupFlags = f.setupFlags();
        e.reason = f.reason();
        e.severe = f.severe();
        e.ownerClass = f.ownerClass();
        e.creatingThread = f.creatingThread();
        e.age = f.age();
        e.creationStack = f.creationStack();
        e.bytesMapped = f.bytesMapped();
        e.sqThreadTid = f.sqThreadTid();
        e.occupiedSlots = f.occupiedSlots();
        e.commit();
    }

    private static void slotLeak(Finding.SlotLeak f) {
        if (!FileSlotLeakEvent.enabled()) {
            return;
        }
        FileSlotLeakEvent e = new FileSlotLeakEvent();
        e.ringId = f.ringId();
        e.ringFd = f.ringFd();
        e.slot = f.slot();
        e.fd = f.fd();
        e.file = f.file();
        e.tag = f.tag();
        e.reason = f.reason();
        e.ownerClass = f.ownerClass();
        e.creatingThread = f.creatingThread();
        e.age = f.age();
        e.creationStack = f.creationStack();
        e.commit();
    }

    private static void sqpollThreadLeak(int tid, String threadName, String reason, long ringId, int ringFd,
                                         String setupFlags, long sinceClose, String ownerClass, String creatingThread,
                                         String creationStack) {
        if (!SqpollThreadLeakEvent.enabled()) {
            return;
        }
        SqpollThreadLeakEvent e = new SqpollThreadLeakEvent();
        e.sqThreadTid = tid;
        e.threadName = threadName;
        e.reason = reason;
        e.ringId = ringId;
        e.ringFd = ringFd;
        e.setupFlags = setupFlags;
        e.sinceClose = sinceClose;
        e.ownerClass = ownerClass;
        e.creatingThread = creatingThread;
        e.creationStack = creationStack;
        e.commit();
    }
}
