package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.finding.Durations;
import dev.ringwatch.agent.finding.LeakLine;
import dev.ringwatch.agent.finding.Rule;
import dev.ringwatch.agent.track.CreationSite;
import dev.ringwatch.agent.track.PileUp;
import dev.ringwatch.agent.track.RingOutlivedThread;
import dev.ringwatch.agent.track.TrackerSnapshot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lines and JSON of the rules over live rings: "ring pile-up" and "ring outlived its thread". Each
 * line has the layout of every LEAK line: what, how old, who made it and where (frames tab-indented), then
 * one {@code ->} line per consequence and fix.
 */
final class LiveRingAlerts {
    private LiveRingAlerts() {
    }

    static String pileUpLine(PileUp p) {
        return new LeakLine(Rule.RING_PILE_UP).text(p.openRings()).text(" " + p.library()
                        + " rings open from one creation site, grown in each of the last " + p.windows()
                        + " windows with none closed; they hold " + p.sqpollRings() + " SQPOLL thread"
                        + (p.sqpollRings() == 1 ? "" : "s") + "; oldest " + Durations.format(p.oldestAgeNanos())
                        + " old; newest created by thread \"" + p.thread() + "\" at")
                .frames(site(p.site()), "creation stack not captured")
                .note("every ring made here stays open (kernel memory"
                        + (p.sqpollRings() > 0 ? ", and an iou-sqp kernel thread each" : "")
                        + ") until it is closed or the process exits")
                .note("fix: close what this site creates when done (" + fixFor(p.library())
                        + "), or create it once and share it")
                .toString();
    }

    static String outlivedThreadLine(RingOutlivedThread leak) {
        TrackerSnapshot.RingView r = leak.ring();
        return new LeakLine(Rule.RING_OUTLIVED_THREAD).text(r.facts().library() + " " + LeakMessages.ringName(r)
                        + " age=" + Durations.format(leak.ageNanos()) + " owning thread \"" + leak.threadName()
                        + "\" has terminated; created by thread \"" + r.creatingThread() + "\" at")
                .frames(site(r.site()), "creation stack not captured")
                .note("the thread that ran this ring ended without closing it: nothing will close it any more, it"
                        + " stays open until the process exits")
                .note("fix: shut the event loop down through its group (" + fixFor(r.facts().library())
                        + "), so that it closes its ring before its thread ends [ring id=" + r.id() + "]")
                .toString();
    }

    private static String fixFor(String library) {
        return library.startsWith("netty") ? "EventLoopGroup.shutdownGracefully()" : "IoUring.close()";
    }

    private static String site(CreationSite site) {
        return site == null ? "" : site.render("");
    }

    static Map<String, Object> pileUpJson(PileUp p, String line) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rule", Rule.RING_PILE_UP.title());
        f.put("library", p.library());
        f.put("openRings", p.openRings());
        f.put("sqpollThreads", p.sqpollRings());
        f.put("oldestAgeMillis", p.oldestAgeNanos() / 1_000_000);
        f.put("growingWindows", p.windows());
        f.put("thread", p.thread());
        f.put("stack", CreationSite.framesText(p.site()));
        f.put("message", line);
        return f;
    }
}
