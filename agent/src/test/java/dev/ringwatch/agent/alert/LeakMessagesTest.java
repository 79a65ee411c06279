package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.config.OptionParser;
import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.track.LeakReport;
import dev.ringwatch.agent.track.CreationSite;
import dev.ringwatch.agent.track.TrackerSnapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The wording of the log lines (the real ones are checked end to end in LeakReportIT). */
class LeakMessagesTest {
    private static final long SECOND = 1_000_000_000L;

    private static TrackerSnapshot.RingView ring(boolean sqpoll, boolean explicitOwner, boolean open,
                                                 List<TrackerSnapshot.SlotView> slots) {
        return new TrackerSnapshot.RingView(new RingFacts(RingFacts.RING_CORE, 3, 12, sqpoll ? 2 : 0, sqpoll ? "SQPOLL|SQE128|CQE32" : "none", sqpoll, 64, 128, 10, 0, explicitOwner ? "com.example.Conn" : "dev.ringwatch.ring.IoUring", explicitOwner, new long[0]), 999, 0, 0, "main", "main", null, open, false, 0, null, null, null, slots);
    }

    private static AgentOptions options(String args) {
        return new OptionParser().parse(args, new Properties()).options();
    }

    @Test
    void ringLineLeadsWithWhatHowOldWhoAndWhere() {
        String line = new LeakMessages(options("")).leak(
                new LeakReport.RingLeak(ring(true, true, true, List.of()), 3200L * 1_000_000, 2, true, 4711).finding());
        assertTrue(line.startsWith("ringwatch LEAK ring outlived owner: SQPOLL ring fd=12 flags=SQPOLL|SQE128|CQE32"
                + " entries=64 age=3.2s owner=com.example.Conn created by thread \"main\" at\n\t(creation stack not captured)"),
                line);
        assertTrue(line.contains("\n\t-> severe: its SQPOLL kernel thread (iou-sqp, tid 4711) keeps running"), line);
        assertTrue(line.contains("\n\t-> it still holds 2 fixed-file slots"), line);
        assertTrue(line.contains("or in Conn's own close()"), line);
        assertTrue(line.contains("reclaim=true makes the agent close it"), line);
        assertTrue(line.endsWith("[ring id=3]"), line);
    }

    @Test
    void withReclaimOnTheLineDoesNotSuggestIt() {
        String line = new LeakMessages(options("reclaim=true")).leak(
                new LeakReport.RingLeak(ring(false, false, true, List.of()), SECOND, 0, true, -1).finding());
        assertTrue(!line.contains("reclaim=true") && !line.contains("severe"), line);
        assertTrue(line.contains("owner=dev.ringwatch.ring.IoUring (the ring itself: no owner(..) was given)"), line);
    }

    @Test
    void slotLine() {
        TrackerSnapshot.SlotView slot = new TrackerSnapshot.SlotView(3, 17, 1, false, true, "com.example.Session", true, 0, 0,
                "worker-1", null, true);
        String line = new LeakMessages(options("slotStacks=sampled,sampleInterval=64")).leak(
                new LeakReport.SlotLeak(ring(true, false, true, List.of(slot)), slot, 1500L * 1_000_000, "socket:[18868]")
                        .finding());
        assertTrue(line.startsWith("ringwatch LEAK slot outlived owner: slot 3 (fd 17, socket:[18868]) of SQPOLL ring fd=12"
                + " flags=SQPOLL|SQE128|CQE32 entries=64 age=1.5s owner=com.example.Session registered by thread \"worker-1\" at"
                + "\n\t(registration stack not captured: slotStacks=sampled records one registration in 64;"), line);
        assertTrue(line.contains("close the FixedFile (FixedFile.close()) when Session is done with it"), line);
    }

    @Test
    void exitSummaryListsOpenRingsOrIsNullWhenNothingIsOpen() {
        TrackerSnapshot.SlotView occupied = new TrackerSnapshot.SlotView(0, 5, 1, false, true, "x", false, 0, 0, "main",
                null, false);
        TrackerSnapshot.SlotView pending = new TrackerSnapshot.SlotView(1, 5, 2, false, false, "x", false, 0, 1, "main",
                null, false);
        TrackerSnapshot.Counts zero = new TrackerSnapshot.Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        TrackerSnapshot snap = new TrackerSnapshot(10 * SECOND,
                List.of(ring(true, false, true, List.of(occupied, pending)), ring(false, true, true, List.of())), List.of(),
                zero);
        String line = LeakMessages.openAtExit(snap);
        assertTrue(line.startsWith("ringwatch OPEN AT EXIT: 2 rings (1 SQPOLL) and 1 fixed-file slot still open,"
                + " 1 released slot awaiting the kernel's confirmation; the exit releases them, but nothing closed them:"
                + "\n\t2 ring-core rings from an unknown creation site:"
                + "\n\tSQPOLL ring fd=12 flags=SQPOLL|SQE128|CQE32 entries=64 slots=1 age=10.0s"), line);
        assertEquals(4, line.split("\n").length, "rings grouped by library and creation site under one header");
        assertNull(LeakMessages.openAtExit(new TrackerSnapshot(0, List.of(), List.of(), zero)));
    }

    @Test
    void exitSummaryGroupsByTheFrameItShowsNotByTheWholeStack() throws Exception {
        StackTraceElement helper = new StackTraceElement("com.example.Leaky", "leakRing", "Leaky.java", 8);
        CreationSite viaLine24 = site(helper, new StackTraceElement("com.example.Leaky", "main", "Leaky.java", 24));
        CreationSite viaLine25 = site(helper, new StackTraceElement("com.example.Leaky", "main", "Leaky.java", 25));
        TrackerSnapshot.Counts zero = new TrackerSnapshot.Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        TrackerSnapshot snap = new TrackerSnapshot(10 * SECOND, List.of(withSite(viaLine24), withSite(viaLine25)),
                List.of(), zero);
        String line = LeakMessages.openAtExit(snap);
        assertEquals(1, line.split("ring-core rings? from ", -1).length - 1, "one group for one top frame: " + line);
        assertTrue(line.contains("\n\t2 ring-core rings from com.example.Leaky.leakRing(Leaky.java:8):"), line);
    }

    private static TrackerSnapshot.RingView withSite(CreationSite site) {
        TrackerSnapshot.RingView r = ring(false, false, true, List.of());
        return new TrackerSnapshot.RingView(r.facts(), r.inode(), r.createdNanos(), r.createdEpochMillis(),
                r.creatingThread(), r.ownerThread(), site, r.open(), r.leakReported(), r.closedNanos(), r.closeSite(),
                r.closeThread(), r.closedBy(), r.slots());
    }

    /** A site as CreationStacks would make it (its constructor is the tracker's own). */
    private static CreationSite site(StackTraceElement... frames) throws Exception {
        java.lang.reflect.Constructor<CreationSite> c = CreationSite.class.getDeclaredConstructor(StackTraceElement[].class);
        c.setAccessible(true);
        return c.newInstance((Object) frames);
    }

    @Test
    void reclaimLines() {
        LeakMessages m = new LeakMessages(options(""));
        assertEquals("ringwatch RECLAIM done for slot 2 of ring fd=9: released [ring id=4]",
                m.reclaim(new LeakReport.Reclaim(4, 9, 2, true, "released")));
        assertEquals("ringwatch RECLAIM declined for ring fd=9: left alone [ring id=4]",
                m.reclaim(new LeakReport.Reclaim(4, 9, -1, false, "left alone")));
    }
}
