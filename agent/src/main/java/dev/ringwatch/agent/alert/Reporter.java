package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.log.AgentLog;
import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.finding.Rule;
import dev.ringwatch.agent.track.CreationSite;
import dev.ringwatch.agent.track.LeakReport;
import dev.ringwatch.agent.track.PileUp;
import dev.ringwatch.agent.track.RingOutlivedThread;
import dev.ringwatch.agent.track.TrackerListener;
import dev.ringwatch.agent.track.TrackerSnapshot;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the tracker's findings into a log line, a JFR event and (option jsonLog) a JSON line each. */
public final class Reporter implements TrackerListener {
    private final LeakMessages messages;
    private final JsonLines json;
    private final LeakLogThrottle throttle;

    public Reporter(AgentOptions options, JsonLines json, LeakLogThrottle throttle) {
        this.messages = new LeakMessages(options);
        this.json = json;
        this.throttle = throttle;
    }

    @Override
    public void ringCreated(TrackerSnapshot.RingView ring) {
        Events.ringCreated(ring);
    }

    @Override
    public void ringClosed(TrackerSnapshot.RingView ring, long ageNanos, int occupiedSlots) {
        Events.ringClosed(ring, ageNanos, occupiedSlots);
    }

    @Override
    public boolean wantsSlotUpdates() {
        return Events.slotUpdatesEnabled();
    }

    @Override
    public void slotUpdated(long ringId, int ringFd, int slot, String action, int fd, long tag, String ownerClass,
                            long confirmationDelayNanos) {
        // no "file": a readlink per registration would triple the cost of a slot while recording
        Events.slotUpdated(ringId, ringFd, slot, action, fd, null, tag, ownerClass, confirmationDelayNanos);
    }

    @Override
    public void ringLeak(LeakReport.RingLeak leak) {
        TrackerSnapshot.RingView ring = leak.ring();
        String line = report(leak.finding(), throttle.admit(Rule.RING_OUTLIVED_OWNER,
                LeakLogThrottle.site(top(ring.site()), ring.facts().ownerClass()), leak.ageNanos()));
        if (json != null) {
            TrackerSnapshot.RingView r = leak.ring();
            Map<String, Object> f = ringFields(r);
            f.put("rule", Rule.RING_OUTLIVED_OWNER.title());
            f.put("severe", leak.severe());
            f.put("ageMillis", leak.ageNanos() / 1_000_000);
            f.put("ringCollected", leak.ringCollected());
            f.put("occupiedSlots", leak.occupiedSlots());
            f.put("sqThreadTid", leak.sqThreadTid());
            f.put("createdAt", Instant.ofEpochMilli(r.createdEpochMillis()).toString());
            writeLeak(f, r.creatingThread(), r.site(), line);
        }
    }

    @Override
    public void slotLeak(LeakReport.SlotLeak leak) {
        TrackerSnapshot.SlotView slot = leak.slot();
        String line = report(leak.finding(), throttle.admit(Rule.SLOT_OUTLIVED_OWNER,
                LeakLogThrottle.site(top(slot.site()), slot.ownerClass()), leak.ageNanos()));
        if (json != null) {
            TrackerSnapshot.SlotView s = leak.slot();
            Map<String, Object> f = ringFields(leak.ring());
            f.put("rule", Rule.SLOT_OUTLIVED_OWNER.title());
            f.put("slot", s.slot());
            f.put("fd", s.fd());
            f.put("file", leak.file());
            f.put("tag", Long.toUnsignedString(s.tag()));
            f.put("owner", s.ownerClass());
            f.put("ageMillis", leak.ageNanos() / 1_000_000);
            writeLeak(f, s.thread(), s.site(), line);
        }
    }

    /** Words {@code finding}, logs its line when {@code log} (a flood's surplus is summarised), commits its event. */
    private String report(Finding finding, boolean log) {
        String line = messages.leak(finding);
        if (log) {
            AgentLog.log(Level.WARNING, line);
        }
        Events.finding(finding);
        return line;
    }

    private void writeLeak(Map<String, Object> f, String thread, CreationSite site, String line) {
        f.put("thread", thread);
        f.put("stack", frames(site));
        writeLeak(f, line);
    }

    private void writeLeak(Map<String, Object> f, String line) {
        f.put("message", line);
        json.write("leak", f);
    }

    @Override
    public void reclaimed(LeakReport.Reclaim rc) {
        String line = messages.reclaim(rc);
        AgentLog.log(Level.WARNING, line);
        if (json != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("ringId", rc.ringId());
            f.put("ringFd", rc.ringFd());
            if (rc.slot() >= 0) {
                f.put("slot", rc.slot());
            }
            f.put("done", rc.done());
            f.put("how", rc.how());
            f.put("message", line);
            json.write("reclaim", f);
        }
    }

    @Override
    public void ringPileUp(PileUp p) {
        Finding.RingPileUp finding = p.finding();
        String line = report(finding, true);
        if (json != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("rule", Rule.RING_PILE_UP.title());
            f.put("library", p.library());
            f.put("openRings", p.openRings());
            f.put("sqpollThreads", p.sqpollRings());
            f.put("oldestAgeMillis", p.oldestAgeNanos() / 1_000_000);
            f.put("growingWindows", p.windows());
            f.put("thread", p.thread());
            f.put("stack", finding.creationSite());
            writeLeak(f, line);
        }
    }

    @Override
    public void ringOutlivedThread(RingOutlivedThread leak) {
        String line = report(leak.finding(), true);
        if (json != null) {
            Map<String, Object> f = ringFields(leak.ring());
            f.put("rule", Rule.RING_OUTLIVED_THREAD.title());
            f.put("ownerThread", leak.threadName());
            f.put("ageMillis", leak.ageNanos() / 1_000_000);
            f.put("stack", frames(leak.ring().site()));
            writeLeak(f, line);
        }
    }

    /** The exit summary as a JSON line. */
    void openAtExit(TrackerSnapshot snap, String line) {
        if (json == null) {
            return;
        }
        List<Map<String, Object>> rings = new ArrayList<>();
        for (TrackerSnapshot.RingView r : snap.open()) {
            Map<String, Object> f = ringFields(r);
            f.put("occupiedSlots", r.occupiedSlots());
            f.put("leakReported", r.leakReported());
            f.put("stack", frames(r.site()));
            rings.add(f);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("openRings", snap.open().size());
        f.put("rings", rings);
        f.put("message", line);
        json.write("openAtExit", f);
    }

    private static Map<String, Object> ringFields(TrackerSnapshot.RingView r) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ringId", r.id());
        f.put("ringFd", r.fd());
        f.put("flags", r.facts().setupFlagNames());
        f.put("sqpoll", r.sqpoll());
        f.put("entries", r.facts().sqEntries());
        f.put("owner", r.facts().ownerClass());
        return f;
    }

    private static String top(CreationSite site) {
        return site == null ? "" : site.top();
    }

    private static List<String> frames(CreationSite site) {
        List<String> out = new ArrayList<>();
        if (site != null) {
            for (StackTraceElement e : site.frames()) {
                out.add(e.toString());
            }
        }
        return out;
    }
}
