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
        report(leak.finding(), throttle.admit(Rule.RING_OUTLIVED_OWNER,
                LeakLogThrottle.site(top(ring.site()), ring.facts().ownerClass()), leak.ageNanos()));
    }

    @Override
    public void slotLeak(LeakReport.SlotLeak leak) {
        TrackerSnapshot.SlotView slot = leak.slot();
        report(leak.finding(), throttle.admit(Rule.SLOT_OUTLIVED_OWNER,
                LeakLogThrottle.site(top(slot.site()), slot.ownerClass()), leak.ageNanos()));
    }

    /**
     * Words {@code finding}, logs its line when {@code log} (a flood's surplus is summarised), commits its event
     * and writes its JSON line.
     */
    private void report(Finding finding, boolean log) {
        String line = messages.leak(finding);
        if (log) {
            AgentLog.log(Level.WARNING, line);
        }
        Events.finding(finding);
        if (json != null) {
            json.finding(finding, line);
        }
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
        report(p.finding(), true);
    }

    @Override
    public void ringOutlivedThread(RingOutlivedThread leak) {
        report(leak.finding(), true);
    }

    /** The exit summary as a JSON line. */
    void openAtExit(TrackerSnapshot snap, String line) {
        if (json == null) {
            return;
        }
        List<Map<String, Object>> rings = new ArrayList<>();
        for (TrackerSnapshot.RingView r : snap.open()) {
            rings.add(openRing(r));
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("openRings", snap.open().size());
        f.put("rings", rings);
        f.put("message", line);
        json.write("openAtExit", f);
    }

    /** An open ring of the exit summary, its fields named as in the {@code RingCreated} event. */
    private static Map<String, Object> openRing(TrackerSnapshot.RingView r) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ringId", r.ringId());
        f.put("library", r.facts().library());
        f.put("ringFd", r.ringFd());
        f.put("setupFlags", r.facts().setupFlags());
        f.put("sqEntries", r.facts().sqEntries());
        f.put("ownerClass", r.facts().ownerClass());
        f.put("creatingThread", r.creatingThread());
        f.put("occupiedSlots", r.occupiedSlots());
        f.put("leakReported", r.leakReported());
        f.put("creationStack", CreationSite.framesText(r.site()));
        return f;
    }

    private static String top(CreationSite site) {
        return site == null ? "" : site.top();
    }
}
