package dev.ringwatch.agent.probe;

import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.config.SlotStacks;
import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.proc.ProcView;
import dev.ringwatch.agent.track.Hooks;
import dev.ringwatch.agent.track.Tracker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe the JUnit extension calls, over a tracker fed by hand: plain objects stand in for rings and tables
 * (the tracker only sees Objects), fds are numbers no process has open. The real flow (agent, ring-core, JUnit)
 * runs in the junit module's integration tests.
 */
class TestProbeTest {
    private static final int NO_SUCH_FD = 1 << 30;
    private final Object table = new Object();
    private final Object slotOwner = new Object();

    @AfterEach
    void uninstall() {
        Hooks.install(null);
    }

    private static Tracker installTracker() {
        Tracker t = new Tracker(new AgentOptions(true, SlotStacks.ALL, 1, 16, 1000, false, null, null, Level.INFO,
                false, true), ProcView.system());
        Hooks.install(t);
        return t;
    }

    private static long open(Tracker t, Object ring, boolean sqpoll) {
        return t.ringOpened(ring, new RingFacts(RingFacts.RING_CORE, 0, NO_SUCH_FD, sqpoll ? 2 : 0,
                sqpoll ? "SQPOLL" : "none", sqpoll, 8, 16, 10, 0, "dev.ringwatch.ring.IoUring", false,
                new long[0]), null, false);
    }

    @Test
    void withoutATrackerItSaysSoAndRefusesToMark() {
        assertFalse(TestProbe.tracking());
        assertThrows(IllegalStateException.class, TestProbe::mark);
    }

    @Test
    void listsWhatWasOpenedSinceTheMarkAndStillIsOpenOnly() {
        Tracker t = installTracker();
        Object before = new Object();
        long beforeId = open(t, before, false);
        t.slotOccupied(table, beforeId, 0, 100, 1, false, slotOwner, false, "x.Conn");

        Object mark = TestProbe.mark();
        t.slotOccupied(table, beforeId, 1, 101, 2, false, slotOwner, false, "x.Conn");
        Object after = new Object();
        long afterId = open(t, after, true);
        Object closedAgain = new Object();
        t.ringClosing(open(t, closedAgain, false));

        List<Map<String, Object>> opened = TestProbe.openedSince(mark);
        assertEquals(2, opened.size(), opened.toString());
        Map<String, Object> slot = opened.stream().filter(m -> m.get("kind").equals("slot")).findFirst().orElseThrow();
        assertEquals(1, slot.get("slot"));
        assertEquals(101, slot.get("fd"));
        assertEquals(false, slot.get("sqpoll"));
        Map<String, Object> ring = opened.stream().filter(m -> m.get("kind").equals("ring")).findFirst().orElseThrow();
        assertEquals(true, ring.get("sqpoll"));
        assertEquals(true, ring.get("open"));
        assertEquals(Thread.currentThread().getName(), ring.get("thread"));
        // the agent's own frames (this test's too) are stripped: what is left is the caller's
        assertFalse(((List<?>) ring.get("site")).isEmpty(), ring.toString());

        t.ringClosing(afterId);
        t.slotVacated(beforeId, 1, 2);
        assertEquals(List.of(), TestProbe.openedSince(mark));
    }

    @Test
    void refusesWhatIsNotAMark() {
        installTracker();
        assertThrows(IllegalArgumentException.class, () -> TestProbe.openedSince("not a mark"));
    }
}
