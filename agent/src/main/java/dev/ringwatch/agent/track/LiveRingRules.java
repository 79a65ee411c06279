package dev.ringwatch.agent.track;

import dev.ringwatch.agent.finding.Rule;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules over live rings that neither the GC nor the kernel can decide, run on the tracker's thread:
 * "ring pile-up" once per window ({@link PileUpDetector}), and "ring outlived its thread" on every poll: an
 * open ring whose owning thread has terminated (a ring whose event loop died without closing it). Each ring
 * is reported by one rule only (the record's leak claim).
 */
final class LiveRingRules {
    private static final long THREAD_CHECK_NANOS = 1_000_000_000L;
    private final Tracker tracker;
    private final PileUpDetector pileUps;
    private final long windowNanos;
    private long nextWindow;
    private long nextThreadCheck;

    LiveRingRules(Tracker tracker, int pileUpThreshold, long windowNanos) {
        this.tracker = tracker;
        this.pileUps = new PileUpDetector(pileUpThreshold);
        this.windowNanos = windowNanos;
        this.nextWindow = System.nanoTime() + windowNanos;
    }

    void run(long now) {
        if (now - nextThreadCheck >= 0) {
            nextThreadCheck = now + THREAD_CHECK_NANOS;
            reportRingsOutlivingThreads(now);
        }
        if (now - nextWindow >= 0) {
            nextWindow = now + windowNanos;
            for (PileUp p : pileUps.check(tracker.snapshot().open(), now)) {
                tracker.countLeak(Rule.RING_PILE_UP);
                tracker.listener().ringPileUp(p);
            }
        }
    }

    private void reportRingsOutlivingThreads(long now) {
        List<RingRecord> threadGone = new ArrayList<>();
        tracker.forEachOpenRecord(r -> {
            Thread t = r.ownerThreadIfKnown();
            if (t != null && !t.isAlive()) {
                threadGone.add(r);
            }
        });
        for (RingRecord r : threadGone) {
            // a close on the loop thread happens before that thread ends, so a ring still open now stays open
            if (r.claimLeakReport() >= 0) {
                tracker.countLeak(Rule.RING_OUTLIVED_THREAD);
                TrackerSnapshot.RingView v = r.view();
                tracker.listener().ringOutlivedThread(new RingOutlivedThread(v, now - v.createdNanos(), v.ownerThread()));
            }
        }
    }
}
