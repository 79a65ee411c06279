package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.finding.Finding;

import dev.ringwatch.ring.IoUring;
import dev.ringwatch.ring.Mapping;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ring rules against real rings on the running kernel: a closed ring kept alive by a second mapping,
 * SQPOLL threads shared through ATTACH_WQ or kept by a dup'ed fd, rings made with raw syscalls, adopted
 * rings, and a ring fd closed behind the agent's back.
 */
class RingRulesKernelTest {
    private static final Duration LONG_AGO = Duration.ofSeconds(30);

    /** Each test's reconciler: made with the test, it adopts the rings other tests left behind. */
    private final KernelFixture k = new KernelFixture();

    @Test
    void closedRingStillMapped_reportedOnceForRingAndThread_thenNothingAfterMunmap() {
        IoUring ring = IoUring.builder().entries(64).sqpoll(Duration.ofMillis(50)).sqe128().build();
        TrackedRing tracked = k.tracker.track(ring);
        int tid = KernelFixture.sqpollTid(ring);
        k.rounds(1); // learns the SQPOLL thread while the ring is open
        Mapping rings = ring.mappings().stream().filter(m -> m.region().contains("ring")).findFirst().orElseThrow();
        // Other code (a native library, say) maps the ring too; ring-core's close unmaps only its own.
        MemorySegment second = Sys.mmap(ring.fd(), rings.bytes(), 0);
        try {
            k.tracker.close(ring, LONG_AGO);
            k.rounds(4);
            assertTrue(KernelFixture.isSqpollThread(tid), "the mapping should keep the SQPOLL thread alive");
            Finding.ClosedRingStillMapped f = k.sink.only(Finding.ClosedRingStillMapped.class);
            assertEquals(tracked.ringId(), f.ringId());
            assertEquals(tracked.inode(), f.inode());
            assertEquals(tid, f.sqThreadTid());
            assertTrue(f.severe());
            assertEquals((rings.bytes() + 4095) / 4096 * 4096, f.bytesMapped());
            assertEquals("SQPOLL|SQE128|NO_SQARRAY", f.setupFlags());
            // one report covers the ring and its thread: no outlived-thread, no untracked-thread report
            assertEquals(1, k.sink.alerts().size(), k.sink.toString());
            String line = k.sink.alerts().getFirst().logLine();
            assertTrue(line.startsWith("ringwatch LEAK closed ring still mapped: ring " + tracked.ringId()), line);
            assertTrue(line.contains("TestTracker.close <- test") && line.contains("tid " + tid), line);
        } finally {
            Sys.munmap(second);
        }
        KernelFixture.awaitThreadGone(tid);
        k.stillOneAlertAfter(3);
        assertEquals(List.of(), k.sink.faults());
    }

    @Test
    void exitRounds_stopAfterOneWhenNoRuleSuspectsAnything() {
        try (IoUring ring = IoUring.builder().entries(8).build()) {
            k.tracker.track(ring);
            k.rounds(1);
            assertTrue(k.reconciler.finalRounds(Duration.ofSeconds(10)));
            assertEquals(2, k.reconciler.statistics().rounds(), "a clean exit pays one round, not confirmRounds");
            assertEquals(List.of(), k.sink.alerts(), k.sink.toString());
        }
    }

    @Test
    void exitRounds_goOnWhileASuspicionWaitsForConfirmation() {
        IoUring ring = IoUring.builder().entries(8).build();
        k.tracker.track(ring);
        k.rounds(1);
        Mapping rings = ring.mappings().stream().filter(m -> m.region().contains("ring")).findFirst().orElseThrow();
        MemorySegment second = Sys.mmap(ring.fd(), rings.bytes(), 0);
        try {
            k.tracker.close(ring, LONG_AGO);
            assertTrue(k.reconciler.finalRounds(Duration.ofSeconds(10)));
            assertEquals(3, k.reconciler.statistics().rounds(), "the exit's rounds confirm what the first suspected");
            assertEquals(1, k.sink.findings(Finding.ClosedRingStillMapped.class).size(), k.sink.toString());
        } finally {
            Sys.munmap(second);
        }
    }

    @Test
    void attachWqRings_oneClosed_noAlarmWhileTheOtherSharesTheThread() {
        IoUring first = IoUring.builder().entries(8).sqpoll(Duration.ofMillis(20)).build();
        IoUring second = IoUring.builder().entries(8).sqpoll(Duration.ofMillis(20)).attachWq(first).build();
        k.tracker.track(first);
        k.tracker.track(second);
        int tid = KernelFixture.sqpollTid(first);
        assertEquals(tid, KernelFixture.sqpollTid(second), "ATTACH_WQ rings should share one SQPOLL thread");
        k.rounds(1);
        k.tracker.close(first, LONG_AGO);
        k.advance(Duration.ofSeconds(30));
        k.rounds(4);
        assertTrue(KernelFixture.isSqpollThread(tid), "the attached ring keeps the shared thread");
        assertEquals(List.of(), k.sink.alerts(), k.sink.toString());
        k.tracker.close(second, LONG_AGO);
        KernelFixture.awaitThreadGone(tid);
        k.noAlertsAfter(3);
        assertEquals(List.of(), k.sink.faults());
    }

    @Test
    void sqpollThreadOutlivedRing_whenADupedFdKeepsTheClosedRing_reportedOnceAfterTheGrace() {
        IoUring ring = IoUring.builder().entries(8).sqpoll(Duration.ofMillis(10)).build();
        TrackedRing tracked = k.tracker.track(ring);
        int tid = KernelFixture.sqpollTid(ring);
        k.rounds(1);
        int dup = Sys.dup(ring.fd());
        try {
            k.tracker.close(ring, Duration.ZERO);
            k.noAlertsAfter(3, "within the grace period: ");
            k.advance(Duration.ofSeconds(10)); // past max(2 s, 2 x 10 ms) + 5 s
            Finding.SqpollThreadOutlivedRing f = k.oneFindingAfter(3, Finding.SqpollThreadOutlivedRing.class);
            assertEquals(tid, f.sqThreadTid());
            assertEquals(tracked.ringId(), f.ringId());
            assertEquals(dup, f.keptByFd());
            assertTrue(f.threadName().startsWith("iou-sqp-"), f.threadName());
            // the dup is the tracked ring's own fd, not an untracked ring
            assertEquals(1, k.sink.alerts().size(), k.sink.toString());
            assertTrue(k.sink.alerts().getFirst().logLine().startsWith(
                    "ringwatch LEAK SQPOLL thread outlived ring: iou-sqp thread tid " + tid), k.sink.toString());
        } finally {
            Sys.close(dup);
        }
        KernelFixture.awaitThreadGone(tid);
        k.stillOneAlertAfter(3);
    }

    @Test
    void rawSyscallRing_reportedUntrackedOnceWithItsFdinfo_trackedRingNot() {
        try (IoUring mine = IoUring.builder().entries(8).sqpoll(Duration.ofMillis(20)).build()) {
            k.tracker.track(mine);
            Sys.RawRing raw = Sys.rawRing(16, Sys.IORING_SETUP_SQPOLL);
            try {
                Sys.rawSparseFiles(raw.fd(), 4);
                int tid = KernelFixture.sqpollTid(raw.fd());
                Finding.UntrackedRing f = k.oneFindingAfter(5, Finding.UntrackedRing.class);
                assertEquals(raw.fd(), f.ringFd());
                assertEquals(KernelFixture.inode(raw.fd()), f.inode());
                assertEquals(tid, f.sqThreadTid());
                assertEquals(0, f.occupiedSlots());
                assertTrue(f.fdinfo().contains("SqThread " + tid) && f.fdinfo().contains("UserFiles 4"), f.fdinfo());
                assertTrue(f.fdinfo().contains("SQ 16 / CQ 32 entries"), f.fdinfo());
                String line = k.sink.alerts().getFirst().logLine();
                assertTrue(line.startsWith("ringwatch LEAK untracked ring: io_uring fd " + raw.fd()), line);
                assertTrue(line.contains("untracked"), line);
                // its SQPOLL thread is the untracked ring's: not reported on its own
                assertEquals(1, k.sink.alerts().size(), k.sink.toString());
            } finally {
                Sys.close(raw.fd());
            }
        }
        assertEquals(List.of(), k.sink.faults());
    }

    @Test
    void ringBeingSetUpOrDroppedAtTheCap_notUntracked_untilTheSetUpEndsUntold() {
        Sys.RawRing settingUp = Sys.rawRing(8, 0); // its library's open() has not returned yet
        Sys.RawRing dropped = Sys.rawRing(8, Sys.IORING_SETUP_SQPOLL); // the tracker dropped it at its cap
        try {
            int tid = KernelFixture.sqpollTid(dropped.fd());
            k.tracker.settingUp(true);
            k.tracker.capDropped(new CapDroppedRing(KernelFixture.inode(dropped.fd()), tid, true, true, false));
            k.noAlertsAfter(5);
            k.tracker.settingUp(false); // open() ended without a ring for the tracker: that fd is untracked now
            Finding.UntrackedRing f = k.oneFindingAfter(3, Finding.UntrackedRing.class);
            assertEquals(settingUp.fd(), f.ringFd());
            assertEquals(1, k.sink.alerts().size(), "neither the cap-dropped ring nor its SQPOLL thread; " + k.sink);
        } finally {
            Sys.close(settingUp.fd());
            Sys.close(dropped.fd());
        }
    }

    @Test
    void adoptedRing_notReported_whileARingMadeAfterTheAttachIs() {
        Sys.RawRing before = Sys.rawRing(8, Sys.IORING_SETUP_SQPOLL);
        Sys.RawRing byInode = Sys.rawRing(8, 0);
        Sys.RawRing after = null;
        try {
            KernelFixture.sqpollTid(before.fd());
            k.reconciler.adopt(KernelFixture.inode(byInode.fd()));
            k.rounds(1);
            assertTrue(k.reconciler.adoptAllCurrent() >= 1);
            k.noAlertsAfter(4);
            after = Sys.rawRing(8, 0);
            Finding.UntrackedRing f = k.oneFindingAfter(3, Finding.UntrackedRing.class);
            assertEquals(after.fd(), f.ringFd());
            assertEquals(1, k.sink.alerts().size(), k.sink.toString());
        } finally {
            Sys.close(before.fd());
            Sys.close(byInode.fd());
            if (after != null) {
                Sys.close(after.fd());
            }
        }
    }

    @Test
    void untrackedSqpollThread_ofARingKeptOnlyByAMapping_reportedOnce() {
        Sys.RawRing raw = Sys.rawRing(8, Sys.IORING_SETUP_SQPOLL);
        int tid = KernelFixture.sqpollTid(raw.fd());
        MemorySegment mapping = Sys.mmap(raw.fd(), raw.ringBytes(), 0);
        Sys.close(raw.fd()); // no fd left: only the mapping keeps the ring and its thread
        try {
            k.rounds(4);
            assertTrue(KernelFixture.isSqpollThread(tid));
            assertEquals(tid, k.sink.only(Finding.UntrackedSqpollThread.class).sqThreadTid());
            assertEquals(1, k.sink.alerts().size(), k.sink.toString());
            String line = k.sink.alerts().getFirst().logLine();
            assertTrue(line.startsWith("ringwatch LEAK untracked ring: SQPOLL thread tid " + tid), line);
            assertTrue(line.contains("untracked"), line);
        } finally {
            Sys.munmap(mapping);
        }
        KernelFixture.awaitThreadGone(tid);
        k.stillOneAlertAfter(2);
    }

    @Test
    void ringFdClosedBehindTheAgentsBack_oneLine_noFalseLeak() {
        IoUring ring = IoUring.builder().entries(8).sqpoll(Duration.ofMillis(20)).build();
        TrackedRing tracked = k.tracker.track(ring);
        int socket = Sys.tcpSocket();
        try {
            k.tracker.registered(ring.registerFiles(4).register(socket, null), "test-site");
            int tid = KernelFixture.sqpollTid(ring);
            k.rounds(1);
            Sys.close(ring.fd()); // ring-core and the tracker still think it is open; its mapping keeps the ring
            k.advance(Duration.ofSeconds(30));
            k.noAlertsAfter(5);
            List<String> faults = k.sink.faults();
            assertEquals(1, faults.size(), k.sink.toString());
            // The fd number may already be reused (listing /proc/self/fd opens a directory, lowest fd first).
            assertTrue(faults.getFirst().startsWith("ringwatch: reconciler: ring " + tracked.ringId() + " (fd "
                    + tracked.ringFd() + ", SQPOLL|NO_SQARRAY) was closed behind ringwatch's back: fd " + tracked.ringFd() + " "),
                    faults.getFirst());
            assertFalse(faults.getFirst().contains("LEAK"));
            assertTrue(KernelFixture.isSqpollThread(tid), "the ring's own mapping keeps it alive");

            // Now an unrelated file takes the number: still no leak, no second line.
            int devNull = Sys.openReadOnly("/dev/null");
            Sys.dup2(devNull, tracked.ringFd());
            Sys.close(devNull);
            k.noAlertsAfter(3);
            assertEquals(1, k.sink.faults().size(), k.sink.toString());

            k.tracker.close(ring, Duration.ZERO); // unmaps, and closes the /dev/null fd that took the number
            KernelFixture.awaitThreadGone(tid);
            k.noAlertsAfter(3);
            assertEquals(1, k.sink.faults().size(), k.sink.toString());
        } finally {
            ring.close();
            Sys.close(socket);
        }
    }

    @Test
    void ringFdNumberReusedByAnotherRing_trackedRingLost_otherRingUntracked() {
        IoUring ring = IoUring.builder().entries(8).build();
        TrackedRing tracked = k.tracker.track(ring);
        k.rounds(1);
        Sys.RawRing raw = Sys.rawRing(8, 0);
        long rawInode = KernelFixture.inode(raw.fd());
        Sys.dup2(raw.fd(), ring.fd()); // the tracked ring's fd number now refers to the raw ring
        Sys.close(raw.fd());
        try {
            Finding.UntrackedRing f = k.oneFindingAfter(4, Finding.UntrackedRing.class);
            assertEquals(tracked.ringFd(), f.ringFd());
            assertEquals(rawInode, f.inode());
            assertEquals(1, k.sink.alerts().size(), k.sink.toString());
            assertEquals(1, k.sink.faults().size(), k.sink.toString());
            assertTrue(k.sink.faults().getFirst().contains("now refers to another io_uring (inode " + rawInode),
                    k.sink.faults().getFirst());
        } finally {
            Sys.close(tracked.ringFd()); // the raw ring; ring-core's own close then finds the fd closed
            k.tracker.close(ring, Duration.ZERO);
        }
    }
}
