package dev.ringwatch.agent.track;

import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.config.SlotStacks;
import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.proc.ProcView;
import org.junit.jupiter.api.Test;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The pile-up rule over a real tracker's open rings (fake fds: the rings themselves are plain objects). */
class PileUpDetectorTest {
    private final Tracker tracker = new Tracker(new AgentOptions(true, SlotStacks.OFF, 1, 16, 10_000, false, null,
            null, Level.INFO, false, false), ProcView.system());
    private final List<Object> kept = new ArrayList<>();
    private int nextFd = 1 << 30;

    /** Every ring from this one frame: one creation site. */
    private Object openAtOneSite(boolean sqpoll) {
        Object ring = new Object();
        kept.add(ring);
        tracker.ringOpened(ring, new RingFacts(RingFacts.NETTY, 0, nextFd++, sqpoll ? 2 : 0, sqpoll ? "SQPOLL" : "none",
                sqpoll, 128, 4096, 0, 0, "x.RingBuffer", false, null), null, false);
        return ring;
    }

    private void open(int n) {
        for (int i = 0; i < n; i++) {
            openAtOneSite(i % 4 == 0);
        }
    }

    private List<PileUp> window(PileUpDetector d, long now) {
        return d.check(tracker.snapshot().open(), now);
    }

    @Test
    void aSiteGrowingThreeWindowsBeyondTheThresholdIsReportedOnce() {
        PileUpDetector d = new PileUpDetector(16);
        open(6);
        assertEquals(List.of(), window(d, 1_000));
        open(6);
        assertEquals(List.of(), window(d, 2_000));
        open(6);
        List<PileUp> found = window(d, 3_000);
        assertEquals(1, found.size());
        PileUp p = found.get(0);
        assertEquals(18, p.openRings());
        assertEquals(6, p.sqpollRings(), "rings 0 and 4 of each batch of 6 were SQPOLL");
        assertEquals("netty", p.library());
        assertEquals(3, p.windows());
        assertSame(tracker.snapshot().open().get(0).site(), p.site(), "the rings' one (interned) creation site");
        open(6);
        assertEquals(List.of(), window(d, 4_000), "one report per site");
    }

    @Test
    void aPoolBuiltInOneGoThenSteadyIsNoPileUpHoweverBig() {
        PileUpDetector d = new PileUpDetector(16);
        open(128);
        for (int w = 1; w <= 6; w++) {
            assertEquals(List.of(), window(d, w * 1_000L));
        }
    }

    @Test
    void aCloseAmongTheSitesRingsRestartsTheCount() {
        PileUpDetector d = new PileUpDetector(16);
        open(8);
        window(d, 1_000);
        open(8);
        window(d, 2_000);
        tracker.ringClosing(kept.get(0));
        open(8);
        assertEquals(List.of(), window(d, 3_000), "rings are being recycled here");
        open(8);
        assertEquals(List.of(), window(d, 4_000));
    }

    @Test
    void growthBelowTheThresholdIsNoPileUp() {
        PileUpDetector d = new PileUpDetector(16);
        for (int w = 1; w <= 5; w++) {
            open(3);
            assertEquals(List.of(), window(d, w * 1_000L), "15 rings at most");
        }
        open(3);
        assertEquals(1, window(d, 6_000).size(), "18 > 16 after 6 growing windows");
    }
}
