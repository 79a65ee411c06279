package dev.ringwatch.agent.track;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "ring pile-up" rule, for every library: rings from one creation site keep piling up. Called once per
 * window with the open rings; a site is reported (once) when more than {@code threshold} of its rings are
 * open, their number grew in each of the last {@value #GROWING_WINDOWS} windows, and none of the site's rings
 * open a window earlier was closed since. A pool built in one go (a Netty group of 2 x cores loops) grows in
 * one window and then holds steady: not a pile-up. Works where the GC cannot: a forgotten group's loop
 * threads keep its rings reachable.
 */
public final class PileUpDetector {
    static final int GROWING_WINDOWS = 3;

    private final int threshold;
    private final Map<CreationSite, SiteHistory> sites = new HashMap<>();

    public PileUpDetector(int threshold) {
        this.threshold = threshold;
    }

    /** One window's check over the currently open rings; returns the new pile-ups (each site at most once). */
    public List<PileUp> check(List<TrackerSnapshot.RingView> open, long nowNanos) {
        Map<CreationSite, List<TrackerSnapshot.RingView>> bySite = new HashMap<>();
        for (TrackerSnapshot.RingView r : open) {
            if (r.site() != null && !r.leakReported()) {
                bySite.computeIfAbsent(r.site(), k -> new ArrayList<>()).add(r);
            }
        }
        sites.keySet().removeIf(site -> !bySite.containsKey(site) && !sites.get(site).reported);
        List<PileUp> found = new ArrayList<>();
        for (Map.Entry<CreationSite, List<TrackerSnapshot.RingView>> e : bySite.entrySet()) {
            SiteHistory h = sites.computeIfAbsent(e.getKey(), k -> new SiteHistory());
            PileUp p = h.next(e.getKey(), e.getValue(), nowNanos);
            if (p != null) {
                found.add(p);
            }
        }
        return found;
    }

    /** One site's open rings at the last window, and for how many windows in a row they grew without a close. */
    private final class SiteHistory {
        private Set<Long> lastOpen = Set.of();
        private int growing;
        private boolean reported;

        PileUp next(CreationSite site, List<TrackerSnapshot.RingView> rings, long nowNanos) {
            Set<Long> ids = new HashSet<>();
            for (TrackerSnapshot.RingView r : rings) {
                ids.add(r.ringId());
            }
            boolean noneClosed = ids.containsAll(lastOpen);
            growing = noneClosed && ids.size() > lastOpen.size() ? growing + 1 : 0;
            lastOpen = ids;
            if (reported || growing < GROWING_WINDOWS || ids.size() <= threshold) {
                return null;
            }
            reported = true;
            TrackerSnapshot.RingView oldest = rings.get(0);
            TrackerSnapshot.RingView newest = rings.get(0);
            int sqpoll = 0;
            for (TrackerSnapshot.RingView r : rings) {
                oldest = r.createdNanos() < oldest.createdNanos() ? r : oldest;
                newest = r.createdNanos() > newest.createdNanos() ? r : newest;
                sqpoll += r.facts().sqpoll() ? 1 : 0;
            }
            return new PileUp(site, newest.facts().library(), ids.size(), sqpoll, nowNanos - oldest.createdNanos(),
                    growing, newest.creatingThread());
        }
    }
}
