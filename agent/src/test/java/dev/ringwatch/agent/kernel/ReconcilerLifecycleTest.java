package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.proc.Await;
import dev.ringwatch.agent.proc.FakeProc;
import dev.ringwatch.agent.proc.ProcView;
import dev.ringwatch.jfr.RingStatisticsEvent;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reconciler's thread, its resilience to a failing tracker or sink, and its periodic statistics event,
 * over an injected /proc root.
 */
class ReconcilerLifecycleTest {
    @TempDir
    Path dir;
    FakeProc fake;

    @BeforeEach
    void setUp() {
        fake = new FakeProc(dir).maps("").sockstat(0);
    }

    private Reconciler reconciler(TrackedState state, AlertSink sink, ReconcilerOptions options) {
        return new Reconciler(state, new ProcView(fake.procRoot()), sink, options);
    }

    private static Thread reconcilerThread() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(Reconciler.THREAD_NAME)).findFirst().orElse(null);
    }

    @Test
    void start_runsRoundsOnItsDaemonThread_closeStopsIt() {
        RecordingSink sink = new RecordingSink();
        Reconciler r = reconciler(new TestTracker(), sink,
                ReconcilerOptions.defaults().withPeriod(Duration.ofMillis(10)).withStatistics(false));
        try {
            r.start();
            assertTrue(Await.until(Duration.ofSeconds(10), () -> r.statistics().rounds() >= 3),
                    "rounds so far: " + r.statistics().rounds());
            Thread t = reconcilerThread();
            assertTrue(t != null && t.isDaemon(), "thread " + t);
            assertTrue(r.isRunning());
        } finally {
            r.close();
        }
        assertFalse(r.isRunning());
        assertTrue(Await.until(Duration.ofSeconds(5), () -> reconcilerThread() == null), "thread still alive");
        assertEquals(List.of(), sink.faults());
    }

    @Test
    void failingTracker_oneLine_threadKeepsRunning_andRecovers() {
        RecordingSink sink = new RecordingSink();
        TestTracker tracker = new TestTracker();
        boolean[] broken = {true};
        TrackedState flaky = new Delegating(tracker) {
            @Override
            public void forEachRing(Consumer<? super TrackedRing> action) {
                if (broken[0]) {
                    throw new IllegalStateException("tracker is rebuilding");
                }
                super.forEachRing(action);
            }
        };
        Reconciler r = reconciler(flaky, sink,
                ReconcilerOptions.defaults().withPeriod(Duration.ofMillis(5)).withStatistics(false));
        try {
            r.start();
            assertTrue(Await.until(Duration.ofSeconds(10), () -> sink.faults().size() == 1));
            Thread t = reconcilerThread();
            // many periods later: still one line, still running
            assertTrue(Await.until(Duration.ofSeconds(10), () -> t.getState() == Thread.State.TIMED_WAITING));
            assertEquals(1, sink.faults().size(), sink.toString());
            assertTrue(sink.faults().getFirst().contains("cannot read the tracker's state: java.lang.IllegalStateException:"
                    + " tracker is rebuilding"), sink.toString());
            broken[0] = false;
            assertTrue(Await.until(Duration.ofSeconds(10), () -> r.statistics().rounds() >= 2));
            assertTrue(r.isRunning());
        } finally {
            r.close();
        }
    }

    @Test
    void errorInARound_oneLine_nextRoundsRun() {
        RecordingSink sink = new RecordingSink();
        TestTracker tracker = new TestTracker();
        int[] failures = {3};
        TrackedState failing = new Delegating(tracker) {
            @Override
            public void forEachSlot(Consumer<? super TrackedSlot> action) {
                if (failures[0]-- > 0) {
                    throw new AssertionError("invariant broken");
                }
                super.forEachSlot(action);
            }
        };
        Reconciler r = reconciler(failing, sink, ReconcilerOptions.defaults().withStatistics(false));
        for (int i = 0; i < 5; i++) {
            r.runOnce();
        }
        assertEquals(1, sink.faults().size(), sink.toString());
        assertTrue(sink.faults().getFirst().startsWith("ringwatch: reconciler: a round failed and was skipped:"
                + " java.lang.AssertionError: invariant broken"), sink.toString());
        assertEquals(2, r.statistics().rounds());
    }

    @Test
    void failingSink_leakStillLoggedOnceAsAFault() {
        RecordingSink faults = new RecordingSink();
        AlertSink sink = new AlertSink() {
            @Override
            public void report(Alert alert) {
                throw new IllegalStateException("json log full");
            }

            @Override
            public void fault(String line) {
                faults.fault(line);
            }
        };
        Reconciler r = reconciler(new TestTracker(), sink, ReconcilerOptions.defaults().withStatistics(false));
        fake.fd(10, "socket:[510]").tcp(510, 100, 9000); // our listener, 100 connections held nowhere
        for (long used : new long[] {100, 200, 300, 400, 500, 600, 700}) {
            fake.sockstat(used);
            r.runOnce();
        }
        assertEquals(1, faults.faults().size(), faults.toString());
        String line = faults.faults().getFirst();
        assertTrue(line.contains("the alert sink failed (java.lang.IllegalStateException: json log full")
                && line.contains("this leak was: ringwatch LEAK socket drift:"), line);
        assertEquals(1, r.statistics().leaksReported());
    }

    @Test
    void statistics_periodicJfrEventCarriesTheLastRoundsCounts() throws IOException {
        TestTracker tracker = new TestTracker();
        tracker.add(5, 900, false);
        fake.ring(5, 900, "0: socket:[1]", "3: /etc/hostname");
        fake.sockstat(1234);
        Path file = dir.resolve("stats.jfr");
        Reconciler r = reconciler(tracker, new RecordingSink(), ReconcilerOptions.defaults()
                .withPeriod(Duration.ofHours(1)));
        try (Recording rec = new Recording()) {
            rec.enable(RingStatisticsEvent.NAME).withPeriod(Duration.ofMillis(20));
            r.start();
            r.runOnce();
            rec.start();
            assertTrue(Await.until(Duration.ofSeconds(10), () -> statisticsIn(rec, file).stream()
                    .anyMatch(e -> e.getLong("socketsUsed") == 1234)), "no RingStatistics event with our counts");
            rec.stop();
        } finally {
            r.close();
        }
        RecordedEvent e = statisticsIn(file).stream().filter(ev -> ev.getLong("socketsUsed") == 1234).findFirst()
                .orElseThrow();
        assertEquals(1, e.getInt("liveRings"));
        assertEquals(2, e.getInt("occupiedSlotsKernel"));
        assertEquals(0, e.getInt("occupiedSlotsTracked"));
        assertEquals(0, e.getInt("sqpollThreads"));
    }

    @Test
    void badOptionsAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReconcilerOptions.defaults().withPeriod(Duration.ZERO));
        assertTrue(e.getMessage().contains("period"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReconcilerOptions.defaults().withDrift(1, 64));
        assertTrue(e.getMessage().contains("driftRounds"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReconcilerOptions.defaults().withConfirmRounds(0));
        assertTrue(e.getMessage().contains("confirmRounds"), e.getMessage());
        assertEquals(Duration.ofSeconds(7).toNanos(), ReconcilerOptions.defaults().sqpollGraceNanos(0),
                "idle 0 = 1 s: max(2 s, 2 s) + 5 s");
        assertEquals(Duration.ofSeconds(11).toNanos(), ReconcilerOptions.defaults().sqpollGraceNanos(3000));
    }

    private static List<RecordedEvent> statisticsIn(Recording rec, Path file) {
        try {
            rec.dump(file);
            return statisticsIn(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<RecordedEvent> statisticsIn(Path file) throws IOException {
        return RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals(RingStatisticsEvent.NAME)).toList();
    }

    /** Passes everything to a tracker; tests override what should fail. */
    private static class Delegating implements TrackedState {
        private final TrackedState to;

        Delegating(TrackedState to) {
            this.to = to;
        }

        @Override
        public void forEachRing(Consumer<? super TrackedRing> action) {
            to.forEachRing(action);
        }

        @Override
        public void forEachSlot(Consumer<? super TrackedSlot> action) {
            to.forEachSlot(action);
        }

        @Override
        public void forEachInFlight(Consumer<? super InFlightOp> action) {
            to.forEachInFlight(action);
        }

        @Override
        public int cqReady(long ringId) {
            return to.cqReady(ringId);
        }
    }
}
