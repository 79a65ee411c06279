package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.proc.Await;
import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.finding.LeakText;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;
import dev.ringwatch.testsupport.OpenFds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The slot rules on real rings and sockets: an fd closed under its slot (also when its number is reused),
 * and a stalled release stood in for by a withheld tag CQE (this kernel, 6.18, no longer stalls).
 */
class SlotRulesKernelTest {
    private static final int POLLIN = 1;

    /** The owner a slot is registered for, so its class shows in the report. */
    static final class Connection {
    }

    // Every test: a reconciler over the real /proc, an 8-entry ring it tracks, the fds the test keeps open.
    private final KernelFixture k = new KernelFixture();
    private final OpenFds fds = new OpenFds();
    private IoUring ring;
    private TrackedRing tracked;

    @BeforeEach
    void setUp() {
        ring = IoUring.builder().entries(8).build();
        tracked = k.tracker.track(ring);
    }

    @AfterEach
    void tearDown() {
        ring.close();
        fds.close();
    }

    @Test
    void fdClosedUnderSlot_realSocket_reportedOnceWithSlotFileOwnerAndSite() {
        int socket = Sys.tcpSocket();
        Connection owner = new Connection();
        FixedFile slot = ring.registerFiles(8).register(socket, owner);
        TrackedSlot registered = k.tracker.registered(slot, "Server.accept(Server.java:42)");
        k.noAlertsAfter(3, "fd still open: ");

        Sys.close(socket);
        Finding.FdClosedUnderSlot f = k.oneFindingAfter(4, Finding.FdClosedUnderSlot.class);
        assertEquals(tracked.ringId(), f.ringId());
        assertEquals(slot.slot(), f.slot());
        assertEquals(socket, f.fd());
        assertEquals(registered.target(), f.file());
        assertTrue(f.file().startsWith("socket:["), f.file());
        assertEquals(Connection.class.getName(), f.ownerClass());
        assertEquals("Server.accept(Server.java:42)", f.creationStack());
        assertEquals(slot.tag(), f.tag());
        String line = k.sink.alerts().getFirst().logLine();
        assertTrue(line.startsWith("ringwatch LEAK fd closed under slot: slot " + slot.slot() + " of ring "
                + tracked.ringId() + " (fd " + ring.fd() + ") still holds " + registered.target() + " but fd "
                + socket + " that was registered there is closed"), line);
        assertTrue(line.contains("owner " + Connection.class.getName()) && line.contains("Server.java:42"), line);
        assertTrue(line.contains("-> fix: release the slot (FixedFile.close()) before closing fd " + socket), line);

        k.tracker.release(slot); // the slot lets go: nothing more to say
        k.stillOneAlertAfter(3);
        assertEquals(List.of(), k.sink.faults());
    }

    @Test
    void fdClosedUnderSlot_wordedByTheSink_withItsHintForAStackNotCaptured() {
        // the agent's sink words kernel findings for its options (the slotStacks hint), once, in the reconciler
        k.sink.wording = new LeakText(false, "registration stack not captured: the sink's own hint");
        int socket = Sys.tcpSocket();
        FixedFile slot = ring.registerFiles(8).register(socket, null);
        k.tracker.registered(slot, "");
        k.rounds(2);

        Sys.close(socket);
        k.oneFindingAfter(4, Finding.FdClosedUnderSlot.class);
        String line = k.sink.alerts().getFirst().logLine();
        assertTrue(line.contains("\n\t(registration stack not captured: the sink's own hint)"), line);
        k.tracker.release(slot);
    }

    @Test
    void fdClosedAndNumberReusedByAnotherFile_stillReported_slotWithIntactFdNot() {
        int closedOne = fds.tcpSocket();
        int intact = fds.tcpSocket();
        FileTable table = ring.registerFiles(8);
        FixedFile leaking = table.register(closedOne, null);
        FixedFile fine = table.register(intact, null);
        TrackedSlot leakingSlot = k.tracker.registered(leaking, "site-a");
        k.tracker.registered(fine, "site-b");
        k.rounds(2);
        // The application closes the socket and an unrelated file takes the number.
        int devNull = Sys.openReadOnly("/dev/null");
        Sys.dup2(devNull, closedOne);
        Sys.close(devNull);
        Finding.FdClosedUnderSlot f = k.oneFindingAfter(4, Finding.FdClosedUnderSlot.class);
        assertEquals(leaking.slot(), f.slot());
        assertEquals(leakingSlot.target(), f.file());
        assertEquals("/dev/null", f.fdNow());
        assertTrue(k.sink.alerts().getFirst().logLine().contains("now points at /dev/null"), k.sink.toString());
        assertEquals(1, k.sink.alerts().size(), k.sink.toString());
    }

    @Test
    void slotsRecordedWithoutTarget_closedAndReusedFdsReported_intactAndMovedNot() {
        int closed = Sys.tcpSocket();
        int reused = fds.tcpSocket();
        int intact = fds.tcpSocket();
        int movedFrom = Sys.tcpSocket();
        FileTable table = ring.registerFiles(8);
        String closedFile = TestTracker.readlink(closed);
        String reusedFile = TestTracker.readlink(reused);
        FixedFile closedSlot = table.register(closed, null);
        FixedFile reusedSlot = table.register(reused, null);
        k.tracker.registeredWithoutTarget(closedSlot);
        k.tracker.registeredWithoutTarget(reusedSlot);
        k.tracker.registeredWithoutTarget(table.register(intact, null));
        k.tracker.registeredWithoutTarget(table.register(movedFrom, null));
        k.noAlertsAfter(2, "every fd still points at its slot's file: ");

        Sys.close(closed);
        int devNull = Sys.openReadOnly("/dev/null");
        Sys.dup2(devNull, reused);
        Sys.close(devNull);
        fds.own(Sys.dup(movedFrom));
        Sys.close(movedFrom);
        k.rounds(4);
        List<Finding.FdClosedUnderSlot> found = k.sink.findings(Finding.FdClosedUnderSlot.class);
        assertEquals(2, found.size(), k.sink.toString());
        Finding.FdClosedUnderSlot a = found.stream().filter(f -> f.slot() == closedSlot.slot()).findFirst()
                .orElseThrow();
        Finding.FdClosedUnderSlot b = found.stream().filter(f -> f.slot() == reusedSlot.slot()).findFirst()
                .orElseThrow();
        assertEquals(closedFile, a.file(), "the slot's file comes from fdinfo");
        assertEquals(reusedFile, b.file());
        assertEquals("/dev/null", b.fdNow());
    }

    @Test
    void socketMovedToAnotherFd_notReported() {
        int socket = Sys.tcpSocket();
        k.tracker.registered(ring.registerFiles(4).register(socket, null), "site");
        int moved = fds.own(Sys.dup(socket));
        Sys.close(socket);
        k.noAlertsAfter(4, "the socket is still open under fd " + moved + ": ");
    }

    @Test
    void slotReleaseStalled_withheldTagCqe_reportedOnlyOnceTheCqIsEmpty_namingTheOldestPoll() {
        int listener = fds.tcpListener();
        int socket = fds.tcpSocket();
        FileTable table = ring.registerFiles(4);
        FixedFile listening = table.register(listener, null);
        FixedFile released = table.register(socket, null);
        k.tracker.registered(listening, "site-l");
        TrackedSlot slot = k.tracker.registered(released, "site-s");
        // The pre-6.13 culprit: a long-lived multishot poll on a fixed file (here it simply waits).
        ring.nextSqe().pollMultishot(listening, POLLIN).userData(0x77);
        assertEquals(1, ring.submit());
        k.tracker.inFlight(tracked.ringId(), listening.slot(), "POLL_ADD multishot", 0x77);

        k.tracker.withholdDrops(true); // the tag CQE comes, but the tracker never learns of it
        k.tracker.release(released);
        assertTrue(Await.until(Duration.ofSeconds(5), () -> ring.cqReady() > 0), "no tag CQE was posted");
        k.noAlertsAfter(2, "within the grace: ");
        k.advance(Duration.ofSeconds(11));
        k.noAlertsAfter(2, "the tag CQE sits unreaped in the CQ: ");

        int seen = ring.forEachCompletion((ud, res, flags) -> { });
        assertEquals(0, seen, "only the tag CQE was expected");
        assertEquals(0, ring.cqReady());
        Finding.SlotReleaseStalled f = k.oneFindingAfter(3, Finding.SlotReleaseStalled.class);
        assertEquals(released.slot(), f.slot());
        assertEquals(released.tag(), f.tag());
        assertEquals(slot.target(), f.file());
        assertEquals("POLL_ADD multishot on slot " + listening.slot() + " (user data 0x77)", f.oldestInFlight());
        assertTrue(f.stalledFor() >= Duration.ofSeconds(10).toNanos());
        assertEquals(1, f.pendingReleases());
        assertTrue(k.sink.alerts().getFirst().logLine().startsWith("ringwatch LEAK slot release stalled: slot "
                + released.slot() + " of ring " + tracked.ringId()), k.sink.toString());
        assertEquals(1, k.sink.alerts().size(), k.sink.toString());
    }

    @Test
    void slotReleaseConfirmed_notReported() {
        FixedFile slot = ring.registerFiles(4).register(fds.tcpSocket(), null);
        k.tracker.registered(slot, "site");
        k.tracker.release(slot);
        assertTrue(Await.until(Duration.ofSeconds(5), () -> ring.cqReady() > 0), "no tag CQE was posted");
        ring.forEachCompletion((ud, res, flags) -> { });
        k.advance(Duration.ofSeconds(60));
        k.noAlertsAfter(3);
    }
}
