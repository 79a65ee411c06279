package dev.ringwatch.agent.track;

import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.config.SlotStacks;
import dev.ringwatch.agent.finding.Rule;
import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.proc.ProcView;
import org.junit.jupiter.api.Test;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rules over live rings, run in process by the tracker's thread's call: each report is counted under its
 * own rule (JMX's LeaksByRule) and among the ring leaks, once per ring or site.
 */
class LiveRingRulesTest {
    private static final int NO_SUCH_FD = 1 << 30;
    private final RecordingListener seen = new RecordingListener();
    private long nextId = 1;

    /** Pile-up threshold 1, window 1 ns: every run is a new window. */
    private Tracker tracker() {
        Tracker t = new Tracker(new AgentOptions(true, SlotStacks.ALL, 1, 16, 1000, false, null, null, Level.INFO,
                false, true, false, Duration.ofSeconds(5), Duration.ofSeconds(10), 64, 5, Duration.ofSeconds(5),
                1, Duration.ofNanos(1)), ProcView.system());
        t.listener(seen);
        return t;
    }

    private long open(Tracker t) {
        long id = nextId++;
        t.ringOpened(new Object(), new RingFacts(RingFacts.RING_CORE, id, NO_SUCH_FD, 0, "none", false, 8, 16, 0, 0,
                "x.Owner", false, new long[0]), null, false);
        return id;
    }

    @Test
    void pileUp_countedUnderItsRuleAndAsARingLeak_once() {
        Tracker t = tracker();
        for (int window = 0; window < PileUpDetector.GROWING_WINDOWS + 2; window++) {
            open(t); // one creation site, one more ring each window
            t.runLiveRingRules(System.nanoTime());
        }
        assertEquals(1, seen.pileUps.size());
        Map<Rule, Long> byRule = t.leaksByRule();
        assertEquals(1, byRule.get(Rule.RING_PILE_UP));
        assertEquals(0, byRule.get(Rule.RING_OUTLIVED_THREAD));
        assertEquals(1, t.counts().ringLeaks());
        assertEquals(1, t.counts().leaks());
        assertEquals(0, t.counts().kernelLeaks());
    }

    @Test
    void ringOutlivingItsThread_countedUnderItsRuleAndAsARingLeak_once() throws InterruptedException {
        Tracker t = tracker();
        long id = open(t);
        Thread loop = new Thread(() -> { }, "event-loop-1");
        loop.start();
        t.ringOwnerThread(id, loop);
        loop.join();
        t.runLiveRingRules(System.nanoTime());
        t.runLiveRingRules(System.nanoTime() + 2_000_000_000L); // the next thread check: not reported again
        assertEquals(1, seen.outlivedThreads.size());
        assertEquals("event-loop-1", seen.outlivedThreads.getFirst().threadName());
        assertEquals(1, t.leaksByRule().get(Rule.RING_OUTLIVED_THREAD));
        assertEquals(1, t.counts().ringLeaks());
        assertEquals(1, t.counts().leaks());
    }
}
