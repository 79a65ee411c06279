package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.finding.Rule;

import dev.ringwatch.agent.proc.FakeProc;
import dev.ringwatch.agent.proc.FdInfoSamples;
import dev.ringwatch.agent.proc.ProcView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the kernel here cannot be made to show on demand, from an injected /proc root: other processes'
 * sockets moving {@code sockets: used}, unreadable or garbled files, a busy ring lock, an old kernel's fdinfo.
 */
class InjectedProcTest {
    @TempDir
    Path dir;
    FakeProc fake;
    TestTracker tracker;
    RecordingSink sink;
    Reconciler reconciler;

    @BeforeEach
    void setUp() {
        fake = new FakeProc(dir).maps("").sockstat(0);
        tracker = new TestTracker();
        sink = new RecordingSink();
        reconciler = new Reconciler(tracker, new ProcView(fake.procRoot()), sink,
                ReconcilerOptions.defaults().withStatistics(false));
        for (int fd = 10; fd < 13; fd++) {
            fake.fd(fd, "socket:[" + (500 + fd) + "]");
        }
        // fd 10 is our listener; 100 connections accepted on it are held by no fd and no slot of ours
        fake.tcp(510, 100, 9000);
    }

    /** One round per value of {@code sockets: used}. */
    private void usedSequence(long... used) {
        usedSequence(i -> { }, used);
    }

    private void usedSequence(Consumer<Integer> beforeRound, long... used) {
        for (int i = 0; i < used.length; i++) {
            fake.sockstat(used[i]);
            beforeRound.accept(i);
            reconciler.runOnce();
        }
    }

    @Test
    void socketDrift_injectedProcRoot_reportedOncePerRise() {
        usedSequence(100, 120, 140, 160, 180);
        assertEquals(List.of(), sink.alerts(), "window not full yet: " + sink);
        usedSequence(200);
        Finding.SocketDrift f = sink.only(Finding.SocketDrift.class);
        assertEquals(100, f.socketsUsedStart());
        assertEquals(200, f.socketsUsedEnd());
        assertEquals(3, f.socketFdsStart());
        assertEquals(3, f.socketFdsEnd());
        assertEquals(0, f.slotHeldSocketsStart());
        assertEquals(6, f.rounds());
        assertEquals(100, f.unheldSockets());
        assertTrue(sink.alerts().getFirst().logLine().startsWith(
                "ringwatch LEAK socket drift: sockets: used rose from 100 to 200 (+100)"), sink.toString());
        assertTrue(sink.alerts().getFirst().logLine().contains("; 100 connections accepted on this process's"
                + " listening sockets are held by neither its fds nor its slots"), sink.toString());

        usedSequence(220, 240, 260, 280, 300, 320, 340);
        assertEquals(1, sink.alerts().size(), "same rise, reported already: " + sink);
        usedSequence(150, 170, 190, 210, 230, 250);
        List<Finding.SocketDrift> found = sink.findings(Finding.SocketDrift.class);
        assertEquals(2, found.size(), "a new rise after a fall: " + sink);
        assertEquals(150, found.get(1).socketsUsedStart());
        assertEquals(List.of(), sink.faults());
    }

    @Test
    void socketDrift_injectedProcRoot_notReportedWhenOurFdsAndSlotsExplainTheRise() {
        // half the rise is new socket fds, half sockets held by a tracked ring's slots
        tracker.add(5, 900, false);
        fake.ring(5, 900);
        usedSequence(i -> {
            for (int k = 0; k < 20; k++) {
                fake.fd(100 + i * 20 + k, "socket:[" + (9000 + i * 20 + k) + "]");
            }
            String[] slots = new String[i * 4];
            for (int k = 0; k < slots.length; k++) {
                slots[k] = k + ": socket:[" + (7000 + k) + "]";
            }
            fake.ring(5, 900, slots);
        }, 100, 124, 148, 172, 196, 220, 244, 268);
        assertEquals(List.of(), sink.alerts(), sink.toString());
        assertEquals(List.of(), sink.faults(), sink.toString());
        assertEquals(28, reconciler.statistics().occupiedSlotsKernel(), reconciler.statistics().toString());
    }

    /** The soak found it: a build's tests opened 133 sockets in 0.6 s beside an agent at reconcilePeriod=100ms. */
    @Test
    void socketDrift_injectedProcRoot_anotherProcessesSockets_noLeak() {
        fake.tcp(777, 100, 9000); // the listener is not ours: its connections are someone else's
        usedSequence(100, 120, 140, 160, 180, 200, 220, 240, 260, 280, 300, 320);
        assertEquals(List.of(), sink.alerts(), sink.toString());
        assertEquals(List.of(), sink.faults(), sink.toString());

        fake.tcp(510, 3, 9000); // ours, but too few connections held where we cannot see them
        usedSequence(340, 360, 380, 400, 420, 440);
        assertEquals(List.of(), sink.alerts(), sink.toString());

        for (int i = 0; i < 100; i++) {
            fake.fd(200 + i, "socket:[" + (9000 + i) + "]"); // all of them held by fds of ours
        }
        fake.tcp(510, 100, 9000);
        usedSequence(460, 480, 500, 520, 540, 560);
        assertEquals(List.of(), sink.alerts(), sink.toString());

        fake.tcp(510, 200, 9000); // 100 more, held nowhere: now the rise is ours
        usedSequence(580, 600, 620, 640, 660, 680);
        assertEquals(100, sink.only(Finding.SocketDrift.class).unheldSockets());
    }

    @Test
    void socketDrift_injectedProcRoot_notReportedWhenItWobblesOrRisesLittle() {
        usedSequence(100, 130, 125, 160, 155, 190, 185, 220, 215, 250, 245, 280);
        usedSequence(100, 110, 120, 130, 140, 150, 160, 170, 180); // from a fall: +50 per window
        assertEquals(List.of(), sink.alerts(), sink.toString());
    }

    @Test
    void unreadableMaps_injectedProcRoot_oneLineNoLeak_otherRulesGoOn_thenChecksResume() {
        TrackedRing ring = tracker.add(5, 777, true);
        tracker.closed(ring.ringId(), Duration.ofSeconds(60));
        fake.unreadable("self/maps");
        usedSequence(100, 120, 140, 160, 180, 200);
        assertEquals(1, sink.faults().size(), sink.toString());
        String line = sink.faults().getFirst();
        assertTrue(line.startsWith("ringwatch: reconciler: cannot read " + dir.resolve("self/maps") + " (UNREADABLE: "),
                line);
        assertTrue(line.contains("closed rings still mapped and SQPOLL threads that outlived their ring are not"
                + " checked until it reads again"), line);
        assertFalse(line.contains("LEAK"), line);
        assertEquals(1, sink.alerts().size(), "socket drift still checked: " + sink);
        assertEquals(Rule.SOCKET_DRIFT, sink.alerts().getFirst().rule());

        fake.maps(FakeProc.ringMapping(0x7f0000000000L, 8192, 777));
        reconciler.runOnce();
        reconciler.runOnce();
        assertEquals(8192, sink.only(Finding.ClosedRingStillMapped.class).bytesMapped());

        fake.unreadable("self/maps");
        reconciler.runOnce();
        reconciler.runOnce();
        assertEquals(2, sink.faults().size(), "a new episode gives a new line: " + sink);
        assertEquals(2, sink.alerts().size(), sink.toString());
    }

    @Test
    void garbledSockstat_injectedProcRoot_oneLine() {
        fake.write(dir.resolve("net/sockstat"), "sockets used lots\n");
        for (int i = 0; i < 5; i++) {
            reconciler.runOnce();
        }
        assertEquals(1, sink.faults().size(), sink.toString());
        assertTrue(sink.faults().getFirst().contains("MALFORMED") && sink.faults().getFirst().contains("sockstat"),
                sink.toString());
        assertEquals(5, reconciler.statistics().rounds());
        assertEquals(-1, reconciler.statistics().socketsUsed());
    }

    @Test
    void busyFdinfo_injectedProcRoot_noConclusionUntilItReads() {
        TrackedRing ring = tracker.add(5, 900, false);
        fake.fd(5, "anon_inode:[io_uring]").fdinfo(5, FakeProc.header(900)); // lock busy: no ring section
        tracker.addSlot(ring.ringId(), 0, 7, "socket:[4242]"); // fd 7 is not open: closed under the slot?
        for (int i = 0; i < 4; i++) {
            reconciler.runOnce();
        }
        assertEquals(List.of(), sink.alerts(), sink.toString());
        assertEquals(List.of(), sink.faults(), "busy is no trouble and no leak: " + sink);
        assertEquals(-1, reconciler.statistics().occupiedSlotsKernel());

        fake.ring(5, 900, "0: socket:[4242]");
        reconciler.runOnce();
        reconciler.runOnce();
        assertEquals("socket:[4242]", sink.only(Finding.FdClosedUnderSlot.class).file());
        assertEquals(1, reconciler.statistics().occupiedSlotsKernel());
    }

    @Test
    void oldKernelFdinfo_injectedProcRoot_everySlotListedWithDentryNames() {
        fake.kernel("6.1.0-old");
        TrackedRing ring = tracker.add(5, 31337, false);
        // the 5.15 sample's ring (inode 31337) with a TCP socket in slot 0 too; its SqThread is no thread of
        // this /proc, so only the slots count
        fake.ring(5, FdInfoSamples.KERNEL_5_15.replace("    0: <none>\n", "    0: TCP\n"));
        fake.fd(8, "socket:[54]");
        tracker.addSlot(ring.ringId(), 0, 8, "socket:[54]"); // intact
        tracker.addSlot(ring.ringId(), 1, 9, "socket:[55]"); // fd 9 closed
        fake.fd(11, "/etc/hostname");
        tracker.addSlot(ring.ringId(), 3, 11, "/etc/hostname"); // intact
        for (int i = 0; i < 3; i++) {
            reconciler.runOnce();
        }
        Finding.FdClosedUnderSlot f = sink.only(Finding.FdClosedUnderSlot.class);
        assertEquals(1, f.slot());
        assertEquals("TCP", f.file());
        assertEquals(1, sink.alerts().size(), sink.toString());
    }

    @Test
    void malformedFdinfo_injectedProcRoot_oneLineNamingTheRing_noLeak() {
        TrackedRing ring = tracker.add(5, 900, false);
        fake.fd(5, "anon_inode:[io_uring]").fdinfo(5, FakeProc.header(900) + "SqMask:\t0x7\nSqMask:\t0x7\n");
        tracker.addSlot(ring.ringId(), 0, 7, "socket:[4242]");
        for (int i = 0; i < 4; i++) {
            reconciler.runOnce();
        }
        assertEquals(List.of(), sink.alerts(), sink.toString());
        assertEquals(1, sink.faults().size(), sink.toString());
        String line = sink.faults().getFirst();
        assertTrue(line.contains("ring " + ring.ringId() + " (fd 5)") && line.contains("MALFORMED"), line);
    }
}
