package dev.ringwatch.agent.track;

import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.track.Hooks;
import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.kernel.InFlightOp;
import dev.ringwatch.agent.config.SlotStacks;
import dev.ringwatch.agent.finding.Rule;
import dev.ringwatch.agent.kernel.TrackedRing;
import dev.ringwatch.agent.kernel.TrackedSlot;
import dev.ringwatch.agent.proc.ProcView;
import dev.ringwatch.programs.CallSite;
import org.junit.jupiter.api.Test;

import java.lang.System.Logger.Level;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tracker seen through the kernel reconciler's interface (fed by hand, as in TrackerTest). */
class TrackerStateTest {
    private static final long TAG = 0x5257_0000_0000_0001L;

    /** Stands in for IoUring: the adapter finds cqReady() by name. */
    public static final class FakeRing {
        public int cqReady() {
            return 3;
        }
    }

    private static Tracker tracker() {
        return new Tracker(new AgentOptions(true, SlotStacks.ALL, 1, 16, 1000, false, null, null, Level.INFO, false,
                true), ProcView.system());
    }

    private static List<TrackedRing> rings(TrackerState s) {
        List<TrackedRing> out = new ArrayList<>();
        s.forEachRing(out::add);
        return out;
    }

    private static List<TrackedSlot> slots(TrackerState s) {
        List<TrackedSlot> out = new ArrayList<>();
        s.forEachSlot(out::add);
        return out;
    }

    @Test
    void ringsOpenAndClosedWithTheirSitesAndStableViews() {
        Tracker t = tracker();
        TrackerState state = new TrackerState(t);
        FakeRing ring = new FakeRing();
        CallSite.call(() -> {
            t.ringOpened(ring, new RingFacts(RingFacts.RING_CORE, 5, 1 << 30, 2, "SQPOLL", true, 8, 16, 10, 4, "test.Owner", false, new long[0]), null, false);
            t.ringOpened(new Object(), new RingFacts(RingFacts.RING_CORE, 6, 1 << 30, 0, "none", false, 8, 16, 0, 0, "x", false, new long[0]), null, false);
            return null;
        });
        List<TrackedRing> first = rings(state);
        assertEquals(2, first.size());
        TrackedRing r5 = first.stream().filter(r -> r.ringId() == 5).findFirst().orElseThrow();
        assertTrue(r5.open() && r5.sqpoll());
        assertEquals("SQPOLL", r5.facts().setupFlagText());
        assertEquals(10, r5.facts().sqThreadIdleMillis());
        assertEquals(4, r5.facts().attachedRingId());
        assertEquals(-1, r5.inode(), "no such fd in /proc");
        assertTrue(r5.creationSite().startsWith("dev.ringwatch.programs.CallSite.call("), r5.creationSite());
        assertEquals("", first.stream().filter(r -> r.ringId() == 6).findFirst().orElseThrow().facts().setupFlagText());
        assertSame(r5, rings(state).stream().filter(r -> r.ringId() == 5).findFirst().orElseThrow(),
                "one view per ring while nothing changes");
        assertEquals(3, state.cqReady(5));
        assertEquals(-1, state.cqReady(6), "no cqReady() on that object");

        CallSite.call(() -> {
            t.ringClosing(5);
            return null;
        });
        TrackedRing closed = rings(state).stream().filter(r -> r.ringId() == 5).findFirst().orElseThrow();
        assertFalse(closed.open());
        assertTrue(closed.closedNanos() >= closed.createdNanos());
        assertTrue(closed.closeSite().startsWith("dev.ringwatch.programs.CallSite.call("), closed.closeSite());
        assertEquals(-1, state.cqReady(5), "closed");
        Reference.reachabilityFence(ring);
    }

    @Test
    void slotsFromRegistrationUntilTheDropConfirmation() {
        Tracker t = tracker();
        TrackerState state = new TrackerState(t);
        Object ring = new Object();
        Object handle = new Object();
        t.ringOpened(ring, new RingFacts(RingFacts.RING_CORE, 1, 1 << 30, 0, "none", false, 8, 16, 0, 0, "x", false, new long[0]), null,
                false);
        t.slotOccupied(new Object(), 1, 2, 7, TAG, false, handle, false, "dev.ringwatch.ring.FixedFile");
        TrackedSlot s = slots(state).get(0);
        assertEquals(1, s.ringId());
        assertEquals(2, s.slot());
        assertEquals(7, s.fd());
        assertEquals(TAG, s.tag());
        assertTrue(s.occupied());
        assertFalse(s.site().isEmpty());
        t.slotVacated(1, 2, TAG);
        TrackedSlot released = slots(state).get(0);
        assertTrue(released.awaitingDrop());
        assertTrue(released.releasedNanos() >= released.registeredNanos());
        t.slotDropConfirmed(1, 2, TAG);
        assertTrue(slots(state).isEmpty());
        assertEquals(0, state.leaksReported());
        Reference.reachabilityFence(ring);
        Reference.reachabilityFence(handle);
    }

    private static List<InFlightOp> inFlight(TrackerState s) {
        List<InFlightOp> out = new ArrayList<>();
        s.forEachInFlight(out::add);
        return out;
    }

    private static void open(Tracker t, long id) {
        t.ringOpened(new Object(), new RingFacts(RingFacts.RING_CORE, id, 1 << 30, 0, "none", false, 8, 16, 0, 0, "x", false, new long[0]), null, false);
    }

    @Test
    void inFlight_multishotPollReported_reArmingReplaces_closeForgets() {
        Tracker t = tracker();
        TrackerState state = new TrackerState(t);
        open(t, 7);
        long before = System.nanoTime();
        t.inFlightArmed(7, 3, Hooks.OP_POLL_MULTISHOT);
        List<InFlightOp> ops = inFlight(state);
        assertEquals(1, ops.size(), ops.toString());
        InFlightOp op = ops.getFirst();
        assertEquals(7, op.ringId());
        assertEquals(3, op.slot());
        assertEquals("POLL_ADD multishot", op.op());
        assertTrue(op.armedSinceNanos() - before >= 0, "armed after the test started");

        t.inFlightArmed(7, 3, Hooks.OP_POLL_MULTISHOT); // re-armed: one record, newer
        t.inFlightArmed(7, 3, Hooks.OP_POLL); // a one-shot poll is another kind of op
        t.inFlightArmed(7, 4, Hooks.OP_ACCEPT_MULTISHOT);
        t.inFlightArmed(7, 4, Hooks.OP_ACCEPT_MULTISHOT_DIRECT); // direct preps through plain: replaces it
        t.inFlightArmed(99, 1, Hooks.OP_POLL); // an untracked ring: ignored
        ops = inFlight(state);
        assertEquals(3, ops.size(), ops.toString());
        assertTrue(ops.stream().anyMatch(o -> o.slot() == 3 && o.op().equals("POLL_ADD")), ops.toString());
        assertTrue(ops.stream().anyMatch(o -> o.slot() == 4 && o.op().equals("ACCEPT multishot direct")),
                ops.toString());
        assertTrue(ops.stream().filter(o -> o.slot() == 3 && o.op().equals("POLL_ADD multishot"))
                .allMatch(o -> o.armedSinceNanos() - op.armedSinceNanos() >= 0), ops.toString());

        t.ringClosing(7);
        assertEquals(List.of(), inFlight(state), "a closed ring's ops went with it");
    }

    @Test
    void inFlight_boundedPerRing_oldestForgotten() {
        Tracker t = tracker();
        TrackerState state = new TrackerState(t);
        open(t, 8);
        for (int slot = 0; slot < InFlightOps.CAPACITY + 5; slot++) {
            t.inFlightArmed(8, slot, Hooks.OP_POLL_MULTISHOT);
        }
        List<InFlightOp> ops = inFlight(state);
        assertEquals(InFlightOps.CAPACITY, ops.size());
        assertTrue(ops.stream().anyMatch(o -> o.slot() == InFlightOps.CAPACITY + 4), "the newest is kept");
    }

    @Test
    void kernelLeakClaims_oneReportPerRingAndSlot_countedInLeaksUnderTheirRule() {
        Tracker t = tracker();
        open(t, 9);
        t.slotOccupied(new Object(), 9, 2, 40, TAG, false, null, false, "x");
        assertTrue(t.claimKernelLeak(Rule.FD_CLOSED_UNDER_SLOT, 9, 2, TAG), "fd closed under slot 2: first report");
        assertFalse(t.claimKernelLeak(Rule.FD_CLOSED_UNDER_SLOT, 9, 2, TAG), "the same registration again");
        assertTrue(t.claimKernelLeak(Rule.FD_CLOSED_UNDER_SLOT, 9, 2, TAG + 1), "another registration of the slot");
        assertTrue(t.claimKernelLeak(Rule.UNTRACKED_RING, 0, -1, 0), "an untracked ring names no tracked one");
        t.ringClosing(9);
        assertTrue(t.claimKernelLeak(Rule.CLOSED_RING_STILL_MAPPED, 9, -1, 0), "closed ring still mapped");
        assertFalse(t.claimKernelLeak(Rule.SQPOLL_THREAD_OUTLIVED_RING, 9, -1, 0),
                "its SQPOLL thread: covered by the ring's report");
        assertEquals(4, t.counts().kernelLeaks());
        assertEquals(4, t.counts().leaks());
        assertEquals(0, t.counts().ringLeaks() + t.counts().slotLeaks());
        Map<Rule, Long> byRule = t.leaksByRule();
        assertEquals(Set.of(Rule.values()), byRule.keySet(), "every rule, counted or not");
        assertEquals(2, byRule.get(Rule.FD_CLOSED_UNDER_SLOT));
        assertEquals(1, byRule.get(Rule.UNTRACKED_RING));
        assertEquals(1, byRule.get(Rule.CLOSED_RING_STILL_MAPPED));
        assertEquals(0, byRule.get(Rule.SQPOLL_THREAD_OUTLIVED_RING), "not claimed, not counted");
    }
}
