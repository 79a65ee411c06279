package dev.ringwatch.agent.track;

import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.config.SlotStacks;
import dev.ringwatch.agent.proc.ProcView;
import dev.ringwatch.programs.CallSite;
import dev.ringwatch.ring.IoUring;
import dev.ringwatch.testsupport.RawRing;
import org.junit.jupiter.api.Test;

import java.lang.System.Logger.Level;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tracker's model and its GC rules, in process: plain objects stand in for rings, tables and handles
 * (the tracker only ever sees them as Objects), fds are numbers no process has open, /proc is the real
 * one. The real ring-core flows run in the integration tests.
 */
class TrackerTest {
    private static final int NO_SUCH_FD = 1 << 30;
    private static final long TAG = 0x5257_0000_0000_0001L;

    private final RecordingListener seen = new RecordingListener();

    private Tracker tracker(SlotStacks stacks, int interval, int maxTracked, boolean reclaim) {
        Tracker t = new Tracker(new AgentOptions(true, stacks, interval, 16, maxTracked, reclaim, null, null, Level.INFO,
                false, true), ProcView.system());
        t.listener(seen);
        return t;
    }

    private Tracker tracker() {
        return tracker(SlotStacks.ALL, 1, 1000, false);
    }

    private static RingFacts facts(long id, boolean sqpoll, boolean explicitOwner) {
        return facts(id, NO_SUCH_FD, sqpoll, explicitOwner);
    }

    private static RingFacts facts(long id, int fd, boolean sqpoll, boolean explicitOwner) {
        return new RingFacts(RingFacts.RING_CORE, id, fd, sqpoll ? 2 : 0, sqpoll ? "SQPOLL" : "none", sqpoll, 8, 16, 10, 0, explicitOwner ? "test.Owner" : "dev.ringwatch.ring.IoUring", explicitOwner, new long[] {0x1000, 4096});
    }

    /** Collects garbage and runs the tracker's queue until {@code done} (bounded: 10 s). */
    private static void gcUntil(Tracker t, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            System.gc();
            t.processQueue(20);
        }
        assertTrue(done.getAsBoolean(), "condition not met within 10 s");
    }

    /** More GC rounds, to show that nothing else is reported. */
    private static void settle(Tracker t) throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            t.processQueue(20);
        }
    }

    private void open(Tracker t, Object ring, long id, boolean sqpoll) {
        t.ringOpened(ring, facts(id, sqpoll, false), null, false);
    }

    /**
     * The fd of a closed ring can be another ring's before the tracker's thread reads fdinfo: the ring's inode
     * (its identity in /proc/self/maps) must be the one it had at set-up, or the closed ring would be reported as
     * "still mapped" because of the new ring's mappings (seen in the soak with 8 threads churning rings).
     */
    @Test
    void ringKeepsTheInodeItHadAtSetUpWhenItsFdIsReusedByAnotherRing() throws Exception {
        Tracker t = tracker();
        try (RawRing first = RawRing.setup(4, 0)) {
            long firstInode = (Long) Files.getAttribute(Path.of("/proc/self/fd/" + first.fd()), "unix:ino");
            t.ringOpened(first, new RingFacts(RingFacts.RING_CORE, 7, first.fd(), 0, "none", false, 4, 8, 0, 0,
                    "dev.ringwatch.ring.IoUring", false, new long[0]), null, false);
            first.close();
            try (RawRing second = RawRing.setup(4, 0)) {
                assertEquals(first.fd(), second.fd(), "the kernel hands out the lowest free fd");
                t.processQueue(20); // the tracker's thread reads fdinfo of that fd number now: the second ring's
                TrackerSnapshot.RingView view = t.snapshot().open().getFirst();
                assertEquals(firstInode, view.inode());
                t.ringClosing(7);
                TrackerSnapshot.RingView closed = t.snapshot().recentlyClosed().getFirst();
                assertEquals(firstInode, closed.inode(), "close reads fdinfo again: still the first ring's inode");
            }
        }
    }

    @Test
    void droppedRingIsReportedOnceWithItsCreationSite() throws Exception {
        Tracker t = tracker();
        CallSite.call(() -> {
            open(t, new Object(), 1, true);
            return null;
        });
        assertEquals(1, t.counts().liveRings());
        gcUntil(t, () -> seen.ringLeaks.size() == 1);
        settle(t);
        assertEquals(1, seen.ringLeaks.size());
        LeakReport.RingLeak leak = seen.ringLeaks.get(0);
        assertTrue(leak.severe());
        assertTrue(leak.ringCollected());
        assertEquals(1, leak.ring().ringId());
        assertTrue(leak.ring().site().top().startsWith("dev.ringwatch.programs.CallSite.call("), leak.ring().site().top());
        assertEquals(1, t.counts().ringLeaks());
        assertEquals(1, t.counts().liveRings(), "a leaked ring is still open in the kernel");
        assertTrue(t.snapshot().open().get(0).leakReported());
    }

    /** A library without ring ids (Netty's rings) registers through the same API as ring-core's adapter. */
    @Test
    void ringOfALibraryWithoutIdsGetsAnIdAndClosesByItsObjectOnce() throws Exception {
        Tracker t = tracker();
        Object nettyRing = new Object();
        RingFacts netty = new RingFacts(RingFacts.NETTY, 0, NO_SUCH_FD, 0x3000, "SINGLE_ISSUER|DEFER_TASKRUN", false,
                128, 4096, 0, 0, "io.netty.channel.uring.IoUringIoHandler", false, null);
        long id = t.ringOpened(nettyRing, netty, null, false);
        assertTrue(id > Tracker.ASSIGNED_IDS, "assigned from the tracker's own range: " + id);
        open(t, new Object(), 1, false);
        Thread loop = new Thread(() -> { }, "loop-1");
        t.ringOwnerThread(id, loop);
        TrackerSnapshot.RingView v = t.snapshot().open().stream().filter(r -> r.ringId() == id).findFirst().orElseThrow();
        assertEquals("netty", v.facts().library());
        assertEquals(128, v.facts().sqEntries());
        assertEquals("loop-1", v.ownerThread());
        assertEquals(Thread.currentThread().getName(), v.creatingThread());
        assertEquals("netty", seen.created.get(0).facts().library());
        t.ringClosing(nettyRing);
        t.ringClosing(nettyRing);
        assertEquals(1, seen.closed.size(), "closed once");
        assertEquals(id, seen.closed.get(0).ringId());
        assertEquals(1, t.counts().liveRings(), "the ring-core ring is untouched");
        assertEquals(id + 1, t.ringOpened(new Object(), netty, null, false));
        Reference.reachabilityFence(nettyRing);
    }

    @Test
    void closedRingIsNeverReportedAndIsKeptAmongRecentlyClosed() throws Exception {
        Tracker t = tracker();
        open(t, new Object(), 7, false);
        t.ringClosing(7);
        t.ringClosing(7);
        settle(t);
        assertTrue(seen.ringLeaks.isEmpty());
        assertEquals(1, seen.closed.size());
        TrackerSnapshot snap = t.snapshot();
        assertTrue(snap.open().isEmpty());
        assertEquals(1, snap.recentlyClosed().size());
        TrackerSnapshot.RingView v = snap.recentlyClosed().get(0);
        assertFalse(v.open());
        assertEquals("application", v.closedBy());
        assertTrue(v.closedNanos() > 0);
        assertEquals(0, t.counts().trackedEntries());
    }

    @Test
    void explicitOwnerGoneWhileRingReferenced() throws Exception {
        Tracker t = tracker();
        Object ring = new Object();
        t.ringOpened(ring, facts(3, false, true), new Object(), false);
        gcUntil(t, () -> seen.ringLeaks.size() == 1);
        assertFalse(seen.ringLeaks.get(0).ringCollected());
        assertTrue(seen.ringLeaks.get(0).ring().facts().explicitOwner());
        settle(t);
        assertEquals(1, seen.ringLeaks.size());
        Reference.reachabilityFence(ring);
    }

    @Test
    void ownerAlreadyGoneAtCreationIsReported() throws Exception {
        Tracker t = tracker();
        Object ring = new Object();
        t.ringOpened(ring, facts(4, false, true), null, true);
        gcUntil(t, () -> seen.ringLeaks.size() == 1);
        Reference.reachabilityFence(ring);
    }

    @Test
    void droppedHandleOfAnOpenRingIsASlotLeak() throws Exception {
        Tracker t = tracker();
        Object ring = new Object();
        Object table = new Object();
        open(t, ring, 1, false);
        t.slotOccupied(table, 1, 0, 5, TAG, false, new Object(), false, "dev.ringwatch.ring.FixedFile");
        gcUntil(t, () -> seen.slotLeaks.size() == 1);
        settle(t);
        assertEquals(1, seen.slotLeaks.size());
        assertTrue(seen.ringLeaks.isEmpty());
        LeakReport.SlotLeak leak = seen.slotLeaks.get(0);
        assertEquals(0, leak.slot().slot());
        assertEquals(5, leak.slot().fd());
        assertNull(leak.file(), "no such ring fd in /proc");
        Reference.reachabilityFence(ring);
        Reference.reachabilityFence(table);
    }

    @Test
    void releasedSlotIsNotALeakAndItsDropConfirmationEndsIt() throws Exception {
        Tracker t = tracker();
        Object ring = new Object();
        open(t, ring, 1, false);
        t.slotOccupied(new Object(), 1, 2, 5, TAG, false, new Object(), false, "x");
        assertEquals(1, t.counts().occupiedSlots());
        t.slotVacated(1, 2, TAG);
        assertEquals(0, t.counts().occupiedSlots());
        assertEquals(1, t.counts().pendingReleases());
        assertFalse(t.snapshot().open().get(0).slots().get(0).occupied());
        settle(t);
        assertTrue(seen.slotLeaks.isEmpty());
        t.slotDropConfirmed(1, 2, TAG);
        assertEquals(0, t.counts().pendingReleases());
        assertEquals(1, t.counts().trackedEntries(), "only the ring is left");
        assertEquals(List.of("2:registered", "2:released", "2:drop confirmed"), seen.slotActions);
        Reference.reachabilityFence(ring);
    }

    @Test
    void slotsOfACollectedRingAreCoveredByTheRingsReport() throws Exception {
        Tracker t = tracker();
        CallSite.call(() -> {
            Object ring = new Object();
            open(t, ring, 1, false);
            for (int i = 0; i < 3; i++) {
                t.slotOccupied(new Object(), 1, i, 5, TAG + i, false, new Object(), false, "x");
            }
            return null;
        });
        gcUntil(t, () -> seen.ringLeaks.size() == 1);
        settle(t);
        assertEquals(3, seen.ringLeaks.get(0).occupiedSlots());
        assertTrue(seen.slotLeaks.isEmpty());
    }

    @Test
    void slotsOwnedByTheRingsOwnerAreCoveredEvenWhileTheRingIsReferenced() throws Exception {
        Tracker t = tracker();
        Object ring = new Object();
        Object[] conn = {new Object()};
        t.ringOpened(ring, facts(1, true, true), conn[0], false);
        t.slotOccupied(new Object(), 1, 0, 5, TAG, false, conn[0], true, "test.Owner");
        conn[0] = null;
        gcUntil(t, () -> seen.ringLeaks.size() == 1);
        settle(t);
        assertTrue(seen.slotLeaks.isEmpty());
        assertEquals(1, seen.ringLeaks.get(0).occupiedSlots());
        Reference.reachabilityFence(ring);
    }

    @Test
    void slotStackLevels() {
        Tracker all = tracker(SlotStacks.ALL, 1, 1000, false);
        Tracker sampled = tracker(SlotStacks.SAMPLED, 3, 1000, false);
        Tracker off = tracker(SlotStacks.OFF, 1, 1000, false);
        List<Object> keep = new ArrayList<>();
        for (Tracker t : List.of(all, sampled, off)) {
            Object ring = new Object();
            keep.add(ring);
            open(t, ring, 1, false);
            for (int i = 0; i < 7; i++) {
                Object h = new Object();
                keep.add(h);
                t.slotOccupied(ring, 1, i, 5, TAG + i, false, h, false, "x");
            }
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), withSite(all));
        assertEquals(List.of(0, 3, 6), withSite(sampled));
        assertEquals(List.of(), withSite(off));
        TrackerSnapshot.SlotView s0 = all.snapshot().open().get(0).slots().get(0);
        TrackerSnapshot.SlotView s1 = all.snapshot().open().get(0).slots().get(1);
        assertSame(s0.site(), s1.site(), "one call site, one interned stack");
        Reference.reachabilityFence(keep);
    }

    private static List<Integer> withSite(Tracker t) {
        List<Integer> out = new ArrayList<>();
        for (TrackerSnapshot.SlotView s : t.snapshot().open().get(0).slots()) {
            if (s.site() != null) {
                out.add(s.slot());
            }
        }
        return out;
    }

    @Test
    void capOnTrackedEntriesCountsWhatItDrops() {
        Tracker t = tracker(SlotStacks.OFF, 1, 16, false);
        Object ring = new Object();
        open(t, ring, 1, false);
        List<Object> handles = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Object h = new Object();
            handles.add(h);
            t.slotOccupied(ring, 1, i, 5, TAG + i, false, h, false, "x");
        }
        assertEquals(16, t.counts().trackedEntries());
        assertEquals(25, t.counts().droppedEntries());
        assertEquals(15, t.counts().occupiedSlots());
        for (int i = 0; i < 40; i++) {
            t.slotVacated(1, i, TAG + i);            // untracked ones are ignored
            t.slotDropConfirmed(1, i, TAG + i);
        }
        assertEquals(1, t.counts().trackedEntries());
        t.slotOccupied(ring, 1, 0, 5, TAG + 99, false, handles.get(0), false, "x");
        assertEquals(2, t.counts().trackedEntries(), "room again after releases");
        Reference.reachabilityFence(handles);
    }

    /** A stand-in for FileTable: the tracker reclaims slots through a public releaseSlot(int). */
    public static final class FakeTable {
        final List<Integer> released = new ArrayList<>();

        public boolean releaseSlot(int slot) {
            released.add(slot);
            return true;
        }
    }

    @Test
    void reclaimReleasesALeakedSlotThroughItsTable() throws Exception {
        Tracker t = tracker(SlotStacks.OFF, 1, 1000, true);
        Object ring = new Object();
        FakeTable table = new FakeTable();
        open(t, ring, 1, false);
        t.slotOccupied(table, 1, 3, 5, TAG, false, new Object(), false, "x");
        gcUntil(t, () -> seen.reclaims.size() == 1);
        assertTrue(seen.reclaims.get(0).done(), seen.reclaims.get(0).how());
        assertEquals(List.of(3), table.released);
        assertEquals(1, t.counts().reclaimedSlots());
        Reference.reachabilityFence(ring);
    }

    @Test
    void reclaimOfAReachableRingCallsItsClose() throws Exception {
        Tracker t = tracker(SlotStacks.OFF, 1, 1000, true);
        IoUring real = IoUring.builder().entries(4).build();
        boolean[] closed = {false};
        AutoCloseable ring = () -> {
            closed[0] = true;
            t.ringClosing(9); // what the advice on closeResources does
            real.close();
        };
        t.ringOpened(ring, facts(9, real.fd(), false, true), new Object(), false);
        gcUntil(t, () -> seen.reclaims.size() == 1);
        assertTrue(closed[0]);
        assertTrue(seen.reclaims.get(0).done(), seen.reclaims.get(0).how());
        assertEquals("reclaim", t.snapshot().recentlyClosed().get(0).closedBy());
        assertEquals(0, t.counts().liveRings());
    }

    @Test
    void reclaimLeavesACollectedRingAloneWhenItsFdIsNotThatRing() throws Exception {
        Tracker t = tracker(SlotStacks.OFF, 1, 1000, true);
        CallSite.call(() -> {
            open(t, new Object(), 1, false);
            return null;
        });
        gcUntil(t, () -> seen.reclaims.size() == 1);
        LeakReport.Reclaim r = seen.reclaims.get(0);
        assertFalse(r.done());
        assertTrue(r.how().startsWith("left alone: fd " + NO_SUCH_FD + " is no longer open"), r.how());
    }
}
