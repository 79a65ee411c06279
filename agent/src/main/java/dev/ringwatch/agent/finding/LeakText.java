package dev.ringwatch.agent.finding;

/**
 * The wording of every finding's log line, whichever detector made it (the GC rules, the rules over live
 * rings, the kernel reconciler's), each in the one {@link LeakLine} layout. The only formatter of
 * {@code ringwatch LEAK} lines: a new rule adds its branch here. An untracked ring that holds nothing a leak
 * would keep is one INFO line ({@code ringwatch UNTRACKED}), never LEAK.
 */
public final class LeakText {
    /** Every line about a ring no adapter explains that is not a leak starts so. */
    public static final String UNTRACKED_PREFIX = "ringwatch UNTRACKED ";
    private static final String NO_STACK = "creation stack not captured";
    /** Wording for the kernel's rules, which no agent option changes. */
    public static final LeakText PLAIN = new LeakText(false, "registration stack not captured");

    private final boolean reclaim;
    private final String missingSlotStack;

    /**
     * @param reclaim          option reclaim is on (the lines then do not suggest it)
     * @param missingSlotStack what a slot line says when its registration stack was not captured (by option
     *                         slotStacks)
     */
    public LeakText(boolean reclaim, String missingSlotStack) {
        this.reclaim = reclaim;
        this.missingSlotStack = missingSlotStack;
    }

    /** {@code SQPOLL ring fd=12 flags=SQPOLL|SQE128 entries=64}, or {@code ring fd=5 flags=none entries=8}. */
    public static String ringName(boolean sqpoll, int fd, String flags, int entries) {
        return (sqpoll ? "SQPOLL ring" : "ring") + " fd=" + fd + " flags=" + flags + " entries=" + entries;
    }

    /** The finding's log line. */
    public String line(Finding finding) {
        if (finding instanceof Finding.UntrackedRing u && !u.isLeak()) {
            return untrackedNotLeaked(u);
        }
        LeakLine b = new LeakLine(finding.rule());
        if (finding instanceof Finding.RingOutlivedOwner f) {
            ringOutlivedOwner(b, f);
        }
        if (finding instanceof Finding.SlotOutlivedOwner f) {
            slotOutlivedOwner(b, f);
        }
        if (finding instanceof Finding.RingPileUp f) {
            ringPileUp(b, f);
        }
        if (finding instanceof Finding.RingOutlivedThread f) {
            ringOutlivedThread(b, f);
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
                    .text(", registered ").text(age(f.age())).text(" ago")
                    .text(f.creatingThread().isEmpty() ? " at" : " by thread \"" + f.creatingThread() + "\" at")
                    .frames(f.creationStack(), missingSlotStack);
            b.note("the kernel keeps the file open until the slot is released");
            b.note("fix: release the slot (FixedFile.close()) before closing fd " + f.fd()
                    + ", or close the FixedFile and not the fd");
        }
        if (finding instanceof Finding.SlotReleaseStalled f) {
            slotReleaseStalled(b, f);
        }
        if (finding instanceof Finding.SocketDrift f) {
            b.text("sockets: used rose from ").text(f.socketsUsedStart())
                    .text(" to ").text(f.socketsUsedEnd()).text(" (+")
                    .text(f.socketsUsedEnd() - f.socketsUsedStart()).text(") over ")
                    .text(age(f.window())).text(" (").text(f.rounds()).text(" rounds) while this"
                            + " process's socket fds went ").text(f.socketFdsStart()).text(" -> ")
                    .text(f.socketFdsEnd()).text(" and slot-held sockets ").text(f.slotHeldSocketsStart())
                    .text(" -> ").text(f.slotHeldSocketsEnd()).text("; ").text(f.unheldSockets())
                    .text(" connections accepted on this process's listening sockets are held by neither its fds"
                            + " nor its slots: the kernel keeps them where nobody sees them");
        }
        return b.toString();
    }

    private void ringOutlivedOwner(LeakLine line, Finding.RingOutlivedOwner f) {
        line.text(ringName(f.severe(), f.ringFd(), f.setupFlags(), f.sqEntries())).text(" age=")
                .text(age(f.age())).text(" owner=").text(f.ownerClass());
        if (!f.explicitOwner()) {
            line.text(" (the ring itself: no owner(..) was given)");
        }
        line.text(" created by thread \"").text(f.creatingThread()).text("\" at").frames(f.creationStack(), NO_STACK);
        if (f.explicitOwner()) {
            line.note("its owner " + f.ownerClass() + " was garbage collected while the ring was open"
                    + (f.ringCollected()
                    ? "; the IoUring object is gone too, so nothing can close the ring any more"
                    : "; the IoUring object is still referenced elsewhere"));
        } else {
            line.note("the IoUring object was garbage collected without close(): nothing can close it any more");
        }
        if (f.severe()) {
            line.note("severe: its SQPOLL kernel thread"
                    + (f.sqThreadTid() > 0 ? " (iou-sqp, tid " + f.sqThreadTid() + ")" : " (iou-sqp)")
                    + " keeps running until the process exits");
        }
        if (f.occupiedSlots() > 0) {
            line.note("it still holds " + f.occupiedSlots() + " fixed-file slot"
                    + (f.occupiedSlots() == 1 ? "" : "s") + ": their files stay open with it");
        }
        line.note("fix: close the ring (IoUring.close(), e.g. try-with-resources"
                + (f.explicitOwner() ? " or in " + simpleName(f.ownerClass()) + "'s own close()" : "")
                + ") before dropping it"
                + (reclaim ? "" : "; until then reclaim=true makes the agent close it"));
        ringId(line, f.ringId());
    }

    private void slotOutlivedOwner(LeakLine line, Finding.SlotOutlivedOwner f) {
        line.text("slot ").text(f.slot()).text(" (").text(f.kernelInstalled() ? "filled by the kernel" : "fd " + f.fd());
        if (f.file() != null) {
            line.text(", ").text(f.file());
        }
        line.text(") of ").text(ringName(f.ringSqpoll(), f.ringFd(), f.ringSetupFlags(), f.ringSqEntries()))
                .text(" age=").text(age(f.age())).text(" owner=").text(f.ownerClass());
        if (!f.explicitOwner()) {
            line.text(" (the FixedFile handle itself: no owner was given)");
        }
        line.text(" registered by thread \"").text(f.creatingThread()).text("\" at")
                .frames(f.creationStack(), missingSlotStack);
        line.note((f.explicitOwner()
                ? "its owner " + f.ownerClass() + " was garbage collected while the slot still held the file"
                : "the FixedFile was garbage collected without close()")
                + "; the kernel keeps the file open" + (f.fd() >= 0 ? " even after fd " + f.fd() + " is closed" : ""));
        line.note("fix: close the FixedFile (FixedFile.close())"
                + (f.explicitOwner() ? " when " + simpleName(f.ownerClass()) + " is done with it" : "")
                + (reclaim ? "" : "; until then reclaim=true makes the agent release the slot"));
        ringId(line, f.ringId());
    }

    private static void ringPileUp(LeakLine line, Finding.RingPileUp p) {
        line.text(p.openRings()).text(" " + p.library()
                        + " rings open from one creation site, grown in each of the last " + p.growingWindows()
                        + " windows with none closed; they hold " + p.sqpollThreads() + " SQPOLL thread"
                        + (p.sqpollThreads() == 1 ? "" : "s") + "; oldest " + age(p.oldestAge())
                        + " old; newest created by thread \"" + p.creatingThread() + "\" at")
                .frames(p.creationSite(), NO_STACK)
                .note("every ring made here stays open (kernel memory"
                        + (p.sqpollThreads() > 0 ? ", and an iou-sqp kernel thread each" : "")
                        + ") until it is closed or the process exits")
                .note("fix: close what this site creates when done (" + fixFor(p.library())
                        + "), or create it once and share it");
    }

    private static void ringOutlivedThread(LeakLine line, Finding.RingOutlivedThread f) {
        line.text(f.library() + " " + ringName(f.severe(), f.ringFd(), f.setupFlags(), f.sqEntries())
                        + " age=" + age(f.age()) + " owning thread \"" + f.threadName()
                        + "\" has terminated; created by thread \"" + f.creatingThread() + "\" at")
                .frames(f.creationStack(), NO_STACK)
                .note("the thread that ran this ring ended without closing it: nothing will close it any more, it"
                        + " stays open until the process exits")
                .note("fix: shut the event loop down through its group (" + fixFor(f.library())
                        + "), so that it closes its ring before its thread ends [ring id=" + f.ringId() + "]");
    }

    private static void slotReleaseStalled(LeakLine b, Finding.SlotReleaseStalled f) {
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

    private static String fixFor(String library) {
        return library.startsWith("netty") ? "EventLoopGroup.shutdownGracefully()" : "IoUring.close()";
    }

    private static void ringId(LeakLine line, long ringId) {
        line.text(" [ring id=").text(ringId).text("]");
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

    static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }

    /** The INFO line of a ring no adapter explains that holds nothing a leak would keep (see {@code isLeak}). */
    private static String untrackedNotLeaked(Finding.UntrackedRing f) {
        return UNTRACKED_PREFIX + "io_uring fd " + f.ringFd() + " (inode " + f.inode() + ") is untracked: no adapter"
                + " (ring-core, Netty) explains it, so who made it and whether it is closed in time is unknown; it holds"
                + " no SQPOLL thread and no occupied fixed-file slot, so it is not reported as a leak; kernel view: "
                + (f.fdinfo().isEmpty() ? "(unknown)" : f.fdinfo());
    }
}
