package dev.ringwatch.agent.kernel;

import dev.ringwatch.jfr.FileSlotLeakEvent;
import dev.ringwatch.jfr.RingLeakEvent;
import dev.ringwatch.jfr.SlotReleaseStalledEvent;
import dev.ringwatch.jfr.SocketDriftEvent;
import dev.ringwatch.jfr.SqpollThreadLeakEvent;
import dev.ringwatch.jfr.UntrackedRingEvent;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * The default {@link AlertSink}: each alert commits its JFR event (only while a recording enables it) and
 * logs its line at WARNING. On a JVM without JFR the event classes still load but using them may fail; that
 * is logged once and the sink goes on with log lines only.
 */
public final class JfrLogAlertSink implements AlertSink {
    public static final String LOGGER_NAME = "dev.ringwatch";

    private final Logger log;
    private volatile boolean jfrBroken;

    public JfrLogAlertSink(Logger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void report(Alert alert) {
        log.log(Level.WARNING, alert.logLine());
        if (jfrBroken) {
            return;
        }
        try {
            commit(alert.finding());
        } catch (LinkageError | IllegalStateException e) {
            jfrBroken = true;
            log.log(Level.WARNING, AlertLines.fault("JFR events cannot be committed in this JVM (" + e
                    + "); leaks are logged only"));
        }
    }

    @Override
    public void fault(String line) {
        log.log(Level.WARNING, line);
    }

    private static void commit(Finding finding) {
        if (finding instanceof Finding.ClosedRingStillMapped f) {
            if (RingLeakEvent.enabled()) {
                RingLeakEvent e = new RingLeakEvent();
                e.ringId = f.ringId();
                e.library = f.library();
                e.ringFd = f.ringFd();
                e.setupFlags = f.setupFlags();
                e.reason = RingLeakEvent.REASON_CLOSED_BUT_MAPPED;
                e.severe = f.severe();
                e.ownerClass = f.ownerClass();
                e.creatingThread = f.creatingThread();
                e.age = f.age();
                e.creationStack = f.creationStack();
                e.bytesMapped = f.bytesMapped();
                e.sqThreadTid = f.sqThreadTid();
                e.occupiedSlots = -1; // the fd is closed: the kernel's slot list cannot be read
                e.commit();
            }
        }
        if (finding instanceof Finding.SqpollThreadOutlivedRing f) {
            if (SqpollThreadLeakEvent.enabled()) {
                SqpollThreadLeakEvent e = new SqpollThreadLeakEvent();
                e.sqThreadTid = f.sqThreadTid();
                e.threadName = f.threadName();
                e.reason = SqpollThreadLeakEvent.REASON_OUTLIVED_RING;
                e.ringId = f.ringId();
                e.ringFd = f.ringFd();
                e.setupFlags = f.setupFlags();
                e.sinceClose = f.sinceClose();
                e.ownerClass = f.ownerClass();
                e.creatingThread = f.creatingThread();
                e.creationStack = f.creationStack();
                e.commit();
            }
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
            if (SqpollThreadLeakEvent.enabled()) {
                SqpollThreadLeakEvent e = new SqpollThreadLeakEvent();
                e.sqThreadTid = f.sqThreadTid();
                e.threadName = f.threadName();
                e.reason = SqpollThreadLeakEvent.REASON_NO_TRACKED_RING;
                e.ringId = 0;
                e.ringFd = -1;
                e.setupFlags = "";
                e.sinceClose = 0;
                e.ownerClass = "";
                e.creatingThread = "";
                e.creationStack = "";
                e.commit();
            }
        }
        if (finding instanceof Finding.FdClosedUnderSlot f) {
            if (FileSlotLeakEvent.enabled()) {
                FileSlotLeakEvent e = new FileSlotLeakEvent();
                e.ringId = f.ringId();
                e.ringFd = f.ringFd();
                e.slot = f.slot();
                e.fd = f.fd();
                e.file = f.file();
                e.tag = f.tag();
                e.reason = FileSlotLeakEvent.REASON_FD_CLOSED_UNDER_SLOT;
                e.ownerClass = f.ownerClass();
                e.creatingThread = f.creatingThread();
                e.age = f.age();
                e.creationStack = f.creationStack();
                e.commit();
            }
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
                e.commit();
            }
        }
    }
}
