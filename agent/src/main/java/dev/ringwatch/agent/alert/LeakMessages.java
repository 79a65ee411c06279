package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.track.CreationSite;
import dev.ringwatch.agent.track.LeakReport;
import dev.ringwatch.agent.track.TrackerSnapshot;

import java.util.List;

/**
 * The text of the agent's log lines. A leak line starts with {@value #LEAK_PREFIX}, says what leaked,
 * how old it is, who owned it and where it was created, then, one tab-indented line each, the frames,
 * why it matters and what to do.
 */
public final class LeakMessages {
    public static final String LEAK_PREFIX = "ringwatch LEAK ";
    public static final String RECLAIM_PREFIX = "ringwatch RECLAIM ";
    public static final String EXIT_PREFIX = "ringwatch OPEN AT EXIT: ";
    private static final int EXIT_RINGS_LISTED = 20;

    private final AgentOptions options;

    public LeakMessages(AgentOptions options) {
        this.options = options;
    }

    /** {@code SQPOLL ring fd=12 flags=SQPOLL|SQE128 entries=64}, or {@code ring fd=5 flags=none entries=8}. */
    static String ringName(TrackerSnapshot.RingView r) {
        return (r.sqpoll() ? "SQPOLL ring" : "ring") + " fd=" + r.fd() + " flags=" + r.facts().setupFlagNames()
                + " entries=" + r.facts().sqEntries();
    }

    public String ringLeak(LeakReport.RingLeak leak) {
        TrackerSnapshot.RingView r = leak.ring();
        StringBuilder sb = new StringBuilder(LEAK_PREFIX).append(LeakReport.RULE_RING).append(": ")
                .append(ringName(r)).append(" age=").append(Durations.format(leak.ageNanos()))
                .append(" owner=").append(r.facts().ownerClass());
        if (!r.facts().explicitOwner()) {
            sb.append(" (the ring itself: no owner(..) was given)");
        }
        sb.append(" created by thread \"").append(r.creatingThread()).append("\" at");
        appendSite(sb, r.site(), "creation stack not captured");
        if (r.facts().explicitOwner()) {
            sb.append("\n\t-> its owner ").append(r.facts().ownerClass()).append(" was garbage collected while the ring was open");
            sb.append(leak.ringCollected()
                    ? "; the IoUring object is gone too, so nothing can close the ring any more"
                    : "; the IoUring object is still referenced elsewhere");
        } else {
            sb.append("\n\t-> the IoUring object was garbage collected without close(): nothing can close it any more");
        }
        if (leak.severe()) {
            sb.append("\n\t-> severe: its SQPOLL kernel thread")
                    .append(leak.sqThreadTid() > 0 ? " (iou-sqp, tid " + leak.sqThreadTid() + ")" : " (iou-sqp)")
                    .append(" keeps running until the process exits");
        }
        if (leak.occupiedSlots() > 0) {
            sb.append("\n\t-> it still holds ").append(leak.occupiedSlots()).append(" fixed-file slot")
                    .append(leak.occupiedSlots() == 1 ? "" : "s").append(": their files stay open with it");
        }
        sb.append("\n\t-> fix: close the ring (IoUring.close(), e.g. try-with-resources");
        if (r.facts().explicitOwner()) {
            sb.append(" or in ").append(simpleName(r.facts().ownerClass())).append("'s own close()");
        }
        sb.append(") before dropping it");
        if (!options.reclaim()) {
            sb.append("; until then reclaim=true makes the agent close it");
        }
        sb.append(" [ring id=").append(r.id()).append(']');
        return sb.toString();
    }

    public String slotLeak(LeakReport.SlotLeak leak) {
        TrackerSnapshot.RingView r = leak.ring();
        TrackerSnapshot.SlotView s = leak.slot();
        StringBuilder sb = new StringBuilder(LEAK_PREFIX).append(LeakReport.RULE_SLOT).append(": slot ")
                .append(s.slot()).append(" (");
        sb.append(s.kernelInstalled() ? "filled by the kernel" : "fd " + s.fd());
        if (leak.file() != null) {
            sb.append(", ").append(leak.file());
        }
        sb.append(") of ").append(ringName(r)).append(" age=").append(Durations.format(leak.ageNanos()))
                .append(" owner=").append(s.ownerClass());
        if (!s.explicitOwner()) {
            sb.append(" (the FixedFile handle itself: no owner was given)");
        }
        sb.append(" registered by thread \"").append(s.thread()).append("\" at");
        appendSite(sb, s.site(), slotStackHint());
        sb.append("\n\t-> ").append(s.explicitOwner()
                ? "its owner " + s.ownerClass() + " was garbage collected while the slot still held the file"
                : "the FixedFile was garbage collected without close()");
        sb.append("; the kernel keeps the file open").append(s.fd() >= 0 ? " even after fd " + s.fd() + " is closed" : "");
        sb.append("\n\t-> fix: close the FixedFile (FixedFile.close())");
        if (s.explicitOwner()) {
            sb.append(" when ").append(simpleName(s.ownerClass())).append(" is done with it");
        }
        if (!options.reclaim()) {
            sb.append("; until then reclaim=true makes the agent release the slot");
        }
        sb.append(" [ring id=").append(r.id()).append(']');
        return sb.toString();
    }

    private String slotStackHint() {
        return switch (options.slotStacks()) {
            case OFF -> "registration stack not captured: slotStacks=off; slotStacks=all records every registration";
            case SAMPLED -> "registration stack not captured: slotStacks=sampled records one registration in "
                    + options.sampleInterval() + "; slotStacks=all records every one";
            case ALL -> "registration stack not captured";
        };
    }

    public String reclaim(LeakReport.Reclaim rc) {
        String what = rc.slot() < 0 ? "ring fd=" + rc.ringFd() : "slot " + rc.slot() + " of ring fd=" + rc.ringFd();
        return RECLAIM_PREFIX + (rc.done() ? "done for " : "declined for ") + what + ": " + rc.how()
                + " [ring id=" + rc.ringId() + ']';
    }

    /** The exit summary, or null when nothing is open. */
    public static String openAtExit(TrackerSnapshot snap) {
        List<TrackerSnapshot.RingView> open = snap.open();
        long slots = 0;
        long pending = 0;
        int sqpoll = 0;
        for (TrackerSnapshot.RingView r : open) {
            slots += r.occupiedSlots();
            pending += r.slots().size() - r.occupiedSlots();
            if (r.sqpoll()) {
                sqpoll++;
            }
        }
        if (open.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(EXIT_PREFIX).append(open.size()).append(open.size() == 1 ? " ring" : " rings")
                .append(" (").append(sqpoll).append(" SQPOLL) and ").append(slots).append(" fixed-file slot")
                .append(slots == 1 ? "" : "s").append(" still open");
        if (pending > 0) {
            sb.append(", ").append(pending).append(" released slot").append(pending == 1 ? "" : "s")
                    .append(" awaiting the kernel's confirmation");
        }
        sb.append("; the exit releases them, but nothing closed them:");
        long now = snap.takenNanos();
        int listed = 0;
        for (TrackerSnapshot.RingView r : open) {
            if (listed++ == EXIT_RINGS_LISTED) {
                sb.append("\n\t... and ").append(open.size() - EXIT_RINGS_LISTED).append(" more");
                break;
            }
            sb.append("\n\t").append(ringName(r)).append(" slots=").append(r.occupiedSlots()).append(" age=")
                    .append(Durations.format(now - r.createdNanos())).append(" owner=").append(r.facts().ownerClass());
            if (r.leakReported()) {
                sb.append(" (reported as leaked)");
            }
            if (r.site() != null && !r.site().top().isEmpty()) {
                sb.append(" created at ").append(r.site().top());
            }
        }
        return sb.toString();
    }

    private static void appendSite(StringBuilder sb, CreationSite site, String missing) {
        if (site == null || site.frames().isEmpty()) {
            sb.append("\n\t(").append(missing).append(')');
        } else {
            sb.append('\n').append(site.render("\t"));
        }
    }

    static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
