package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.finding.Durations;

import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.finding.LeakText;
import dev.ringwatch.agent.track.LeakReport;
import dev.ringwatch.agent.track.TrackerSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * The agent's lines beside the findings': reclaim lines and the exit summary; a finding's line is worded by
 * {@link LeakText} (the one formatter of LEAK lines) for the agent's options.
 */
public final class LeakMessages {
    public static final String RECLAIM_PREFIX = "ringwatch RECLAIM ";
    public static final String EXIT_PREFIX = "ringwatch OPEN AT EXIT: ";
    private static final int EXIT_RINGS_LISTED = 20;

    private final AgentOptions options;
    private final LeakText text;

    public LeakMessages(AgentOptions options) {
        this.options = options;
        this.text = new LeakText(options.reclaim(), slotStackHint());
    }

    /** The finding's log line, worded for these options (reclaim, slotStacks). */
    public String leak(Finding finding) {
        return text.line(finding);
    }

    /** The wording {@link #leak} uses, for the kernel reconciler's alerts. */
    public LeakText text() {
        return text;
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

    /**
     * Open rings grouped by library and creation site (the top application frame, which heads each group:
     * two callers of one helper that makes rings are one site), groups in the order of their first ring.
     */
    private static List<List<TrackerSnapshot.RingView>> bySite(List<TrackerSnapshot.RingView> open) {
        Map<String, List<TrackerSnapshot.RingView>> groups = new LinkedHashMap<>();
        for (TrackerSnapshot.RingView r : open) {
            String key = r.facts().library() + '\n' + (r.site() == null ? "" : r.site().top());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return new ArrayList<>(groups.values());
    }

    private static void exitRing(StringBuilder sb, TrackerSnapshot.RingView r, long now) {
        sb.append("\n\t").append(LeakText.ringName(r.sqpoll(), r.ringFd(), r.facts().setupFlags(), r.facts().sqEntries()))
                .append(" slots=").append(r.occupiedSlots());
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
}
