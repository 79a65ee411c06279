package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.finding.Durations;

import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.finding.LeakLine;
import dev.ringwatch.agent.finding.Rule;
import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.track.CreationSite;
import dev.ringwatch.agent.track.LeakReport;
import dev.ringwatch.agent.track.TrackerSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * The wording of the GC rules' leak lines (in the one {@link LeakLine} layout), of reclaim lines and of the
 * exit summary.
 */
public final class LeakMessages {
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
        RingFacts facts = r.facts();
        LeakLine line = new LeakLine(Rule.RING_OUTLIVED_OWNER).text(ringName(r)).text(" age=")
                .text(Durations.format(leak.ageNanos())).text(" owner=").text(facts.ownerClass());
        if (!facts.explicitOwner()) {
            line.text(" (the ring itself: no owner(..) was given)");
        }
        line.text(" created by thread \"").text(r.creatingThread()).text("\" at")
                .frames(site(r.site()), "creation stack not captured");
        if (facts.explicitOwner()) {
            line.note("its owner " + facts.ownerClass() + " was garbage collected while the ring was open"
                    + (leak.ringCollected()
                    ? "; the IoUring object is gone too, so nothing can close the ring any more"
                    : "; the IoUring object is still referenced elsewhere"));
        } else {
            line.note("the IoUring object was garbage collected without close(): nothing can close it any more");
        }
        if (leak.severe()) {
            line.note("severe: its SQPOLL kernel thread"
                    + (leak.sqThreadTid() > 0 ? " (iou-sqp, tid " + leak.sqThreadTid() + ")" : " (iou-sqp)")
                    + " keeps running until the process exits");
        }
        if (leak.occupiedSlots() > 0) {
            line.note("it still holds " + leak.occupiedSlots() + " fixed-file slot"
                    + (leak.occupiedSlots() == 1 ? "" : "s") + ": their files stay open with it");
        }
        line.note("fix: close the ring (IoUring.close(), e.g. try-with-resources"
                + (facts.explicitOwner() ? " or in " + simpleName(facts.ownerClass()) + "'s own close()" : "")
                + ") before dropping it"
                + (options.reclaim() ? "" : "; until then reclaim=true makes the agent close it"));
        return line.text(" [ring id=").text(r.id()).text("]").toString();
    }

    public String slotLeak(LeakReport.SlotLeak leak) {
        TrackerSnapshot.RingView r = leak.ring();
        TrackerSnapshot.SlotView s = leak.slot();
        LeakLine line = new LeakLine(Rule.SLOT_OUTLIVED_OWNER).text("slot ").text(s.slot()).text(" (")
                .text(s.kernelInstalled() ? "filled by the kernel" : "fd " + s.fd());
        if (leak.file() != null) {
            line.text(", ").text(leak.file());
        }
        line.text(") of ").text(ringName(r)).text(" age=").text(Durations.format(leak.ageNanos()))
                .text(" owner=").text(s.ownerClass());
        if (!s.explicitOwner()) {
            line.text(" (the FixedFile handle itself: no owner was given)");
        }
        line.text(" registered by thread \"").text(s.thread()).text("\" at").frames(site(s.site()), slotStackHint());
        line.note((s.explicitOwner()
                ? "its owner " + s.ownerClass() + " was garbage collected while the slot still held the file"
                : "the FixedFile was garbage collected without close()")
                + "; the kernel keeps the file open" + (s.fd() >= 0 ? " even after fd " + s.fd() + " is closed" : ""));
        line.note("fix: close the FixedFile (FixedFile.close())"
                + (s.explicitOwner() ? " when " + simpleName(s.ownerClass()) + " is done with it" : "")
                + (options.reclaim() ? "" : "; until then reclaim=true makes the agent release the slot"));
        return line.text(" [ring id=").text(r.id()).text("]").toString();
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
        groups:
        for (List<TrackerSnapshot.RingView> group : bySite(open)) {
            TrackerSnapshot.RingView first = group.get(0);
            for (TrackerSnapshot.RingView r : group) {
                if (listed == EXIT_RINGS_LISTED) {
                    sb.append("\n\t... and ").append(open.size() - listed).append(" more");
                    break groups;
                }
                if (r == first) {
                    sb.append("\n\t").append(group.size()).append(' ').append(first.facts().library())
                            .append(group.size() == 1 ? " ring" : " rings").append(" from ")
                            .append(first.site() == null || first.site().top().isEmpty() ? "an unknown creation site"
                                    : first.site().top()).append(':');
                }
                exitRing(sb, r, now);
                listed++;
            }
        }
        return sb.toString();
    }

    /** Open rings grouped by library and creation site, groups in the order of their first ring. */
    private static List<List<TrackerSnapshot.RingView>> bySite(List<TrackerSnapshot.RingView> open) {
        Map<String, List<TrackerSnapshot.RingView>> groups = new LinkedHashMap<>();
        for (TrackerSnapshot.RingView r : open) {
            String key = r.facts().library() + '\n' + CreationSite.framesText(r.site());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return new ArrayList<>(groups.values());
    }

    private static void exitRing(StringBuilder sb, TrackerSnapshot.RingView r, long now) {
        sb.append("\n\t").append(ringName(r)).append(" slots=").append(r.occupiedSlots());
        long leakedSlots = r.slots().stream().filter(TrackerSnapshot.SlotView::leakReported).count();
        if (leakedSlots > 0) {
            sb.append(" (").append(leakedSlots).append(" reported as leaked)");
        }
        sb.append(" age=").append(Durations.format(now - r.createdNanos())).append(" owner=").append(r.facts().ownerClass());
        if (r.leakReported()) {
            sb.append(" (reported as leaked)");
        }
        if (r.site() != null && !r.site().top().isEmpty()) {
            sb.append(" created at ").append(r.site().top());
        }
    }

    private static String site(CreationSite site) {
        return site == null ? "" : site.render("");
    }

    static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
