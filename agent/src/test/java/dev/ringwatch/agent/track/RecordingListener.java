package dev.ringwatch.agent.track;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects what a tracker reports, for in-process tests. */
final class RecordingListener implements TrackerListener {
    final List<LeakReport.RingLeak> ringLeaks = new CopyOnWriteArrayList<>();
    final List<LeakReport.SlotLeak> slotLeaks = new CopyOnWriteArrayList<>();
    final List<LeakReport.Reclaim> reclaims = new CopyOnWriteArrayList<>();
    final List<TrackerSnapshot.RingView> created = new CopyOnWriteArrayList<>();
    final List<TrackerSnapshot.RingView> closed = new CopyOnWriteArrayList<>();
    final List<String> slotActions = new CopyOnWriteArrayList<>();
    final List<PileUp> pileUps = new CopyOnWriteArrayList<>();
    final List<RingOutlivedThread> outlivedThreads = new CopyOnWriteArrayList<>();

    @Override
    public void ringCreated(TrackerSnapshot.RingView ring) {
        created.add(ring);
    }

    @Override
    public void ringClosed(TrackerSnapshot.RingView ring, long ageNanos, int occupiedSlots) {
        closed.add(ring);
    }

    @Override
    public boolean wantsSlotUpdates() {
        return true;
    }

    @Override
    public void slotUpdated(long ringId, int ringFd, int slot, String action, int fd, long tag, String ownerClass,
                            long confirmationDelayNanos) {
        slotActions.add(slot + ":" + action);
    }

    @Override
    public void ringLeak(LeakReport.RingLeak leak) {
        ringLeaks.add(leak);
    }

    @Override
    public void slotLeak(LeakReport.SlotLeak leak) {
        slotLeaks.add(leak);
    }

    @Override
    public void reclaimed(LeakReport.Reclaim reclaim) {
        reclaims.add(reclaim);
    }

    @Override
    public void ringPileUp(PileUp pileUp) {
        pileUps.add(pileUp);
    }

    @Override
    public void ringOutlivedThread(RingOutlivedThread leak) {
        outlivedThreads.add(leak);
    }
}
