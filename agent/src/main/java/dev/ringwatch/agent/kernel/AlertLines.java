package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.finding.Durations;
import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.finding.LeakLine;

/**
 * The wording of the reconciler's log lines, in the one {@link LeakLine} layout. Lines about the
 * reconciler's own trouble start {@code ringwatch: reconciler: } and never say LEAK.
 */
final class AlertLines {
    /** Every line about a ring no adapter explains that is not a leak starts so. */
    static final String UNTRACKED_PREFIX = "ringwatch UNTRACKED ";
    static final String FAULT_PREFIX = "ringwatch: reconciler: ";
    private static final String NO_STACK = "creation stack not captured";

    private AlertLines() {
    }

    static String format(Finding finding) {
        if (finding instanceof Finding.UntrackedRing u && !u.isLeak()) {
            return untrackedNotLeaked(u);
        }
        LeakLine b = new LeakLine(finding.rule());
        if (finding instanceof Finding.RingOutlivedOwner f) {
            ring(b, f.ringId(), f.ringFd(), f.setupFlags(), f.ownerClass()).text(" became unreachable while open, ")
                    .text(age(f.age())).text(" old");
            created(b, f.creationStack(), f.creatingThread());
        }
        if (finding instanceof Finding.SlotOutlivedOwner f) {
            b.text("slot ").text(f.slot()).text(" of ring ").text(f.ringId()).text(" (fd ").text(f.ringFd())
                    .text(") holds ").orUnknown(f.file()).text(" but its owner ").orUnknown(f.ownerClass())
                    .text(" became unreachable, registered ").text(age(f.age())).text(" ago");
            created(b, f.creationStack(), f.creatingThread());
        }
        if (finding instanceof Finding.ClosedRingStillMapped f) {
            ring(b, f.ringId(), f.ringFd(), f.setupFlags(), f.ownerClass()).text(" was closed ")
                    .text(age(f.sinceClose())).text(" ago but ").text(f.bytesMapped())
                    .text(" bytes of it are still mapped (inode ").text(f.inode()).text(" in /proc/self/maps)");
            created(b, f.creationStack(), f.creatingThread());
            b.note("so the kernel keeps the ring" + (f.severe() ? " and its SQPOLL thread"
                    + (f.sqThreadTid() > 0 ? " (tid " + f.sqThreadTid() + ")" : "") : "") + " alive");
            closed(b, f.closeSite());
        }
        if (finding instanceof Finding.SqpollThreadOutlivedRing f) {
            b.text("iou-sqp thread tid ").text(f.sqThreadTid()).text(" of ring ").text(f.ringId())
                    .text(" (fd ").text(f.ringFd());
            flags(b, f.setupFlags());
            b.text(", sq_thread_idle ").text(f.sqThreadIdleMillis() == 0 ? "default 1000"
                    : Integer.toString(f.sqThreadIdleMillis())).text(" ms, owner ").orUnknown(f.ownerClass())
                    .text(") is still alive ").text(age(f.sinceClose())).text(" after the ring was closed (grace ")
                    .text(age(f.graceNanos())).text(") and no open ring shares it");
            created(b, f.creationStack(), f.creatingThread());
            if (f.keptByFd() >= 0) {
                b.note("fd " + f.keptByFd() + " still refers to the closed ring");
            }
            closed(b, f.closeSite());
        }
        if (finding instanceof Finding.UntrackedRing f) {
            b.text("io_uring fd ").text(f.ringFd()).text(" (inode ").text(f.inode())
                    .text(") is untracked: no adapter (ring-core, Netty) explains it, and it holds ")
                    .text(f.sqThreadTid() > 0 ? "an SQPOLL thread (tid " + f.sqThreadTid() + ")" : "")
                    .text(f.sqThreadTid() > 0 && f.occupiedSlots() > 0 ? " and " : "")
                    .text(f.occupiedSlots() > 0 ? f.occupiedSlots() + " occupied fixed-file slots" : "")
                    .text("; kernel view: ").orUnknown(f.fdinfo());
        }
        if (finding instanceof Finding.UntrackedSqpollThread f) {
            b.text("SQPOLL thread tid ").text(f.sqThreadTid()).text(" (")
                    .text(f.threadName()).text(") is untracked: no tracked, adopted or reported ring explains it");
        }
        if (finding instanceof Finding.FdClosedUnderSlot f) {
            b.text("slot ").text(f.slot()).text(" of ring ").text(f.ringId()).text(" (fd ").text(f.ringFd())
                    .text(") still holds ").text(f.file()).text(" but fd ").text(f.fd())
                    .text(" that was registered there ")
                    .text(f.fdNow().isEmpty() ? "is closed" : "now points at " + f.fdNow()).text("; owner ")
                    .orUnknown(f.ownerClass()).text(", tag 0x").text(Long.toHexString(f.tag()))
                    .text(", registered ").text(age(f.age())).text(" ago");
            created(b, f.creationStack(), f.creatingThread());
            b.note("the kernel keeps the file open until the slot is released");
        }
        if (finding instanceof Finding.SlotReleaseStalled f) {
            b.text("slot ").text(f.slot()).text(" of ring ").text(f.ringId()).text(" (fd ").text(f.ringFd())
                    .text(") was released ").text(age(f.stalledFor())).text(" ago (tag 0x")
                    .text(Long.toHexString(f.tag()));
            if (!f.file().isEmpty()) {
                b.text(", ").text(f.file());
            }
            b.text(") and the kernel has not confirmed dropping its file while the ring's CQ is empty;"
                    + " oldest in-flight fixed-file operation: ");
            if (f.oldestInFlight().isEmpty()) {
                b.text("none known");
            } else {
                b.text(f.oldestInFlight()).text(", in flight ").text(age(f.oldestInFlightAge()));
            }
            b.text("; ").text(f.pendingReleases()).text(" release(s) pending on this ring");
        }
        if (finding instanceof Finding.SocketDrift f) {
            b.text("sockets: used rose from ").text(f.socketsUsedStart())
                    .text(" to ").text(f.socketsUsedEnd()).text(" (+")
                    .text(f.socketsUsedEnd() - f.socketsUsedStart()).text(") over ")
                    .text(age(f.window())).text(" (").text(f.rounds()).text(" rounds) while this"
                            + " process's socket fds went ").text(f.socketFdsStart()).text(" -> ")
                    .text(f.socketFdsEnd()).text(" and slot-held sockets ").text(f.slotHeldSocketsStart())
                    .text(" -> ").text(f.slotHeldSocketsEnd()).text("; sockets are held where nobody sees"
                            + " them (sockets: used counts the whole network namespace)");
        }
        return b.toString();
    }

    static String fault(String text) {
        return FAULT_PREFIX + text;
    }

    private static LeakLine ring(LeakLine b, long ringId, int ringFd, String flags, String ownerClass) {
        b.text("ring ").text(ringId).text(" (fd ").text(ringFd);
        flags(b, flags);
        return b.text(", owner ").orUnknown(ownerClass).text(")");
    }

    private static void flags(LeakLine b, String flags) {
        if (!flags.isEmpty()) {
            b.text(", ").text(flags);
        }
    }

    private static void created(LeakLine b, String site, String thread) {
        b.text(thread.isEmpty() ? ", created at" : ", created by thread \"" + thread + "\" at").frames(site, NO_STACK);
    }

    private static void closed(LeakLine b, String closeSite) {
        b.note("closed at " + (closeSite.isEmpty() ? "(unknown)" : closeSite.strip().replace("\n", " <- ")));
    }

    private static String age(long nanos) {
        return Durations.format(nanos);
    }

    /** The INFO line of a ring no adapter explains that holds nothing a leak would keep (see {@code isLeak}). */
    static String untrackedNotLeaked(Finding.UntrackedRing f) {
        return UNTRACKED_PREFIX + "io_uring fd " + f.ringFd() + " (inode " + f.inode() + ") is untracked: no adapter"
                + " (ring-core, Netty) explains it, so who made it and whether it is closed in time is unknown; it holds"
                + " no SQPOLL thread and no occupied fixed-file slot, so it is not reported as a leak; kernel view: "
                + (f.fdinfo().isEmpty() ? "(unknown)" : f.fdinfo());
    }
}
