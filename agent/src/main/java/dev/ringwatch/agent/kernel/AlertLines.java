package dev.ringwatch.agent.kernel;

import java.util.Locale;

/**
 * The text of the reconciler's log lines. Leak lines start {@code ringwatch LEAK <rule>: }; lines about the
 * reconciler's own trouble start {@code ringwatch: reconciler: } and never say LEAK.
 */
final class AlertLines {
    static final String LEAK_PREFIX = "ringwatch LEAK ";
    static final String FAULT_PREFIX = "ringwatch: reconciler: ";

    private AlertLines() {
    }

    static String format(Finding finding) {
        StringBuilder b = new StringBuilder(256).append(LEAK_PREFIX).append(finding.rule().title()).append(": ");
        if (finding instanceof Finding.ClosedRingStillMapped f) {
            b.append("ring ").append(f.ringId()).append(" (fd ").append(f.ringFd());
            flags(b, f.setupFlags());
            b.append(", owner ").append(orUnknown(f.ownerClass())).append(") was closed ")
                    .append(duration(f.sinceClose())).append(" ago but ").append(f.bytesMapped())
                    .append(" bytes of it are still mapped (inode ").append(f.inode())
                    .append(" in /proc/self/maps), so the kernel keeps the ring");
            if (f.severe()) {
                b.append(" and its SQPOLL thread");
                if (f.sqThreadTid() > 0) {
                    b.append(" (tid ").append(f.sqThreadTid()).append(')');
                }
            }
            b.append(" alive; closed at ").append(orUnknown(f.closeSite()));
            created(b, f.creationStack(), f.creatingThread());
        }
        if (finding instanceof Finding.SqpollThreadOutlivedRing f) {
            b.append("iou-sqp thread tid ").append(f.sqThreadTid()).append(" of ring ").append(f.ringId())
                    .append(" (fd ").append(f.ringFd());
            flags(b, f.setupFlags());
            b.append(", sq_thread_idle ").append(f.sqThreadIdleMillis() == 0 ? "default 1000"
                    : Integer.toString(f.sqThreadIdleMillis())).append(" ms, owner ")
                    .append(orUnknown(f.ownerClass())).append(") is still alive ")
                    .append(duration(f.sinceClose())).append(" after the ring was closed (grace ")
                    .append(duration(f.graceNanos())).append(") and no open ring shares it");
            if (f.keptByFd() >= 0) {
                b.append("; fd ").append(f.keptByFd()).append(" still refers to the closed ring");
            }
            b.append("; closed at ").append(orUnknown(f.closeSite()));
            created(b, f.creationStack(), f.creatingThread());
        }
        if (finding instanceof Finding.UntrackedRing f) {
            b.append("io_uring fd ").append(f.ringFd()).append(" (inode ")
                    .append(f.inode()).append(") is untracked: no ring made through ring-core explains it;"
                            + " kernel view: ").append(orUnknown(f.fdinfo()));
        }
        if (finding instanceof Finding.UntrackedSqpollThread f) {
            b.append("SQPOLL thread tid ").append(f.sqThreadTid())
                    .append(" (").append(f.threadName()).append(") is untracked: no tracked, adopted or"
                            + " reported ring explains it");
        }
        if (finding instanceof Finding.FdClosedUnderSlot f) {
            b.append("slot ").append(f.slot()).append(" of ring ").append(f.ringId()).append(" (fd ")
                    .append(f.ringFd()).append(") still holds ").append(f.file()).append(" but fd ")
                    .append(f.fd()).append(" that was registered there ")
                    .append(f.fdNow().isEmpty() ? "is closed" : "now points at " + f.fdNow())
                    .append("; the kernel keeps the file open until the slot is released; owner ")
                    .append(orUnknown(f.ownerClass())).append(", tag 0x").append(Long.toHexString(f.tag()))
                    .append(", registered ").append(duration(f.age())).append(" ago at ")
                    .append(orUnknown(f.creationStack()));
            if (!f.creatingThread().isEmpty()) {
                b.append(" on thread ").append(f.creatingThread());
            }
        }
        if (finding instanceof Finding.SlotReleaseStalled f) {
            b.append("slot ").append(f.slot()).append(" of ring ").append(f.ringId()).append(" (fd ")
                    .append(f.ringFd()).append(") was released ").append(duration(f.stalledFor()))
                    .append(" ago (tag 0x").append(Long.toHexString(f.tag()));
            if (!f.file().isEmpty()) {
                b.append(", ").append(f.file());
            }
            b.append(") and the kernel has not confirmed dropping its file while the ring's CQ is empty;"
                    + " oldest in-flight fixed-file operation: ");
            if (f.oldestInFlight().isEmpty()) {
                b.append("none known");
            } else {
                b.append(f.oldestInFlight()).append(", in flight ").append(duration(f.oldestInFlightAge()));
            }
            b.append("; ").append(f.pendingReleases()).append(" release(s) pending on this ring");
        }
        if (finding instanceof Finding.SocketDrift f) {
            b.append("sockets: used rose from ").append(f.socketsUsedStart())
                    .append(" to ").append(f.socketsUsedEnd()).append(" (+")
                    .append(f.socketsUsedEnd() - f.socketsUsedStart()).append(") over ")
                    .append(duration(f.window())).append(" (").append(f.rounds()).append(" rounds) while this"
                            + " process's socket fds went ").append(f.socketFdsStart()).append(" -> ")
                    .append(f.socketFdsEnd()).append(" and slot-held sockets ").append(f.slotHeldSocketsStart())
                    .append(" -> ").append(f.slotHeldSocketsEnd()).append("; sockets are held where nobody sees"
                            + " them (sockets: used counts the whole network namespace)");
        }
        return b.toString();
    }

    static String fault(String text) {
        return FAULT_PREFIX + text;
    }

    private static void flags(StringBuilder b, String flags) {
        if (!flags.isEmpty()) {
            b.append(", ").append(flags);
        }
    }

    private static void created(StringBuilder b, String site, String thread) {
        b.append("; created at ").append(orUnknown(site));
        if (!thread.isEmpty()) {
            b.append(" on thread ").append(thread);
        }
    }

    private static String orUnknown(String s) {
        return s.isEmpty() ? "(unknown)" : s;
    }

    /** {@code 350 ms}, {@code 2.1 s}. */
    static String duration(long nanos) {
        long ms = nanos / 1_000_000L;
        if (ms < 1000) {
            return ms + " ms";
        }
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
