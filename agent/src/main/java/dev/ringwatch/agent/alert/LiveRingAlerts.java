package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.track.CreationSite;
import dev.ringwatch.agent.track.PileUp;
import dev.ringwatch.agent.track.RingOutlivedThread;
import dev.ringwatch.agent.track.TrackerSnapshot;
import dev.ringwatch.jfr.RingLeakEvent;
import dev.ringwatch.jfr.RingPileUpEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lines, events and JSON of the rules over live rings: "ring pile-up" and "ring outlived its thread". Each
 * line has the layout of every LEAK line: what, how old, who made it and where (frames tab-indented), then
 * one {@code ->} line per consequence and fix.
 */
final class LiveRingAlerts {
    static final String RULE_PILE_UP = "ring pile-up";
    /** RingLeak's reason for a ring whose owning thread ended. */
    static final String REASON_THREAD_GONE = "owning thread ended";

    private LiveRingAlerts() {
    }

    static String pileUpLine(PileUp p) {
        StringBuilder sb = new StringBuilder(LeakMessages.LEAK_PREFIX).append(RULE_PILE_UP).append(": ")
                .append(p.openRings()).append(' ').append(p.library()).append(" rings open from one creation site,")
                .append(" grown in each of the last ").append(p.windows()).append(" windows with none closed;")
                .append(" they hold ").append(p.sqpollRings()).append(" SQPOLL thread").append(p.sqpollRings() == 1 ? "" : "s")
                .append("; oldest ").append(Durations.format(p.oldestAgeNanos())).append(" old; newest created by thread \"")
                .append(p.thread()).append("\" at");
        appendSite(sb, p.site());
        sb.append("\n\t-> every ring made here stays open (kernel memory")
                .append(p.sqpollRings() > 0 ? ", and an iou-sqp kernel thread each" : "")
                .append(") until it is closed or the process exits");
        sb.append("\n\t-> fix: close what this site creates when done (").append(fixFor(p.library()))
                .append("), or create it once and share it");
        return sb.toString();
    }

    static String outlivedThreadLine(RingOutlivedThread leak) {
        TrackerSnapshot.RingView r = leak.ring();
        StringBuilder sb = new StringBuilder(LeakMessages.LEAK_PREFIX).append(RingOutlivedThread.RULE).append(": ")
                .append(r.facts().library()).append(' ').append(LeakMessages.ringName(r))
                .append(" age=").append(Durations.format(leak.ageNanos()))
                .append(" owning thread \"").append(leak.threadName()).append("\" has terminated; created by thread \"")
                .append(r.creatingThread()).append("\" at");
        appendSite(sb, r.site());
        sb.append("\n\t-> the thread that ran this ring ended without closing it: nothing will close it any more,")
                .append(" it stays open until the process exits");
        sb.append("\n\t-> fix: shut the event loop down through its group (").append(fixFor(r.facts().library()))
                .append("), so that it closes its ring before its thread ends [ring id=").append(r.id()).append(']');
        return sb.toString();
    }

    private static String fixFor(String library) {
        return library.startsWith("netty") ? "EventLoopGroup.shutdownGracefully()" : "IoUring.close()";
    }

    private static void appendSite(StringBuilder sb, CreationSite site) {
        if (site == null || site.frames().isEmpty()) {
            sb.append("\n\t(creation stack not captured)");
        } else {
            sb.append('\n').append(site.render("\t"));
        }
    }

    static void pileUpEvent(PileUp p) {
        if (!Events.jfrReady() || !RingPileUpEvent.enabled()) {
            return;
        }
        RingPileUpEvent e = new RingPileUpEvent();
        e.library = p.library();
        e.creationSite = p.site() == null ? "" : p.site().render("");
        e.openRings = p.openRings();
        e.sqpollThreads = p.sqpollRings();
        e.oldestAge = p.oldestAgeNanos();
        e.growingWindows = p.windows();
        e.creatingThread = p.thread();
        e.commit();
    }

    static void outlivedThreadEvent(RingOutlivedThread leak) {
        if (!Events.jfrReady() || !RingLeakEvent.enabled()) {
            return;
        }
        TrackerSnapshot.RingView r = leak.ring();
        RingLeakEvent e = new RingLeakEvent();
        e.ringId = r.id();
        e.library = r.facts().library();
        e.ringFd = r.fd();
        e.setupFlags = r.facts().setupFlagNames();
        e.reason = REASON_THREAD_GONE;
        e.severe = r.sqpoll();
        e.ownerClass = r.facts().ownerClass();
        e.creatingThread = r.creatingThread();
        e.age = leak.ageNanos();
        e.creationStack = r.site() == null ? "" : r.site().render("");
        e.bytesMapped = r.facts().mappedBytes();
        e.sqThreadTid = -1;
        e.occupiedSlots = (int) r.occupiedSlots();
        e.commit();
    }

    static Map<String, Object> pileUpJson(PileUp p, String line) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rule", RULE_PILE_UP);
        f.put("library", p.library());
        f.put("openRings", p.openRings());
        f.put("sqpollThreads", p.sqpollRings());
        f.put("oldestAgeMillis", p.oldestAgeNanos() / 1_000_000);
        f.put("growingWindows", p.windows());
        f.put("thread", p.thread());
        f.put("stack", p.site() == null ? "" : p.site().render(""));
        f.put("message", line);
        return f;
    }
}
