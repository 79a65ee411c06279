package dev.ringwatch.agent.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ringwatch.agent.alert.Events;
import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.finding.FindingEvents;
import dev.ringwatch.jfr.FileSlotUpdatedEvent;
import dev.ringwatch.jfr.OpenAtExitEvent;
import dev.ringwatch.jfr.RingClosedEvent;
import dev.ringwatch.jfr.RingCreatedEvent;
import dev.ringwatch.jfr.RingStatisticsEvent;
import dev.ringwatch.jfr.RingwatchEvents;
import dev.ringwatch.jfr.RingwatchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Configuration;
import jdk.jfr.Event;
import jdk.jfr.Recording;

/**
 * Writes real JFR recordings (ringwatch.jfc, in this JVM) holding a made-up incident whose numbers the
 * tests know: every value below is what the report must find.
 *
 * <pre>
 * rings (time order): close 99 (open before the recording) | create 1 SQPOLL, 2, 3 SQPOLL|SQE128 |
 *   close 1 | create 4 SQPOLL|SQE128, 5 SQE128 | close 2 | create 6 CQE32 | close 5
 *   -> 6 created, 4 closed, 1 open before, peak 4 live (at ring 5's creation), 3 open at the end (3, 4, 6)
 * site A (SERVER_STACK): RingLeak owner gone on rings 3, 4, 100 (ages 1 s, 3 s, 2 s, severe) and the
 *   SqpollThreadLeak of ring 1 (owner and flags only in ring 1's RingCreated)      -> 4 leaks, severe
 * no stack: SqpollThreadLeak "no tracked ring"                                      -> 1 leak, severe
 * site B (CONN_STACK): FileSlotLeak on ring 6, 3x fd closed under slot + 1x owner gone, ages 10..40 ms -> 4
 * site C: RingLeak closed but still mapped on ring 5, no captured stack (RingCreated's stack is used) -> 1
 * slots: 4 registered, 3 released, 2 drop confirmed (2 ms, 6 ms); 1 occupied at the end; 1 unconfirmed
 * </pre>
 */
final class IncidentRecording {

    static final String SERVER_SITE = "com.example.Server.start(Server.java:42)";
    static final String SERVER_STACK = String.join("\n",
            "java.base/java.lang.Thread.getStackTrace(Thread.java:2450)",
            "dev.ringwatch.agent.Tracker.capture(Tracker.java:10)",
            "dev.ringwatch.ring.IoUring$Builder.build(IoUring.java:99)",
            SERVER_SITE,
            "com.example.Main.main(Main.java:7)");
    static final String CONN_SITE = "app//com.example.Conn.open(Conn.java:17)";
    static final String CONN_STACK = String.join("\n",
            "\tat dev.ringwatch.ring.FileTable.register(FileTable.java:50)",
            "\tat " + CONN_SITE,
            "\tat com.example.Server.accept(Server.java:88)");

    private static final String LIBRARY = "ring-core";
    private static final String CONN_OWNER = "com.example.Conn";
    private static final String SQ_THREAD_NAME = "iou-sqp-4242";
    private static final long BYTES_MAPPED = 8192;
    private static Path shared;

    private IncidentRecording() {
    }

    /**
     * The incident as {@link #write} records it, written once per test JVM for the tests that only read it (the
     * text and JSON reports of it); removed when the JVM exits.
     */
    static synchronized Path shared() throws Exception {
        if (shared == null) {
            Path dir = Files.createTempDirectory("ringwatch-incident-");
            dir.toFile().deleteOnExit();
            shared = write(dir);
            shared.toFile().deleteOnExit();
        }
        return shared;
    }

    /** The incident, recorded with ringwatch-profile.jfc (every ringwatch event, the per-call slot events too). */
    static Path write(Path dir) throws Exception {
        return record(dir.resolve("incident.jfr"), RingwatchSettings.profile(), IncidentRecording::commitIncident);
    }

    /** The incident, recorded with ringwatch.jfc: the per-call slot events are off, so no slot shows. */
    static Path writeWithRingwatchJfc(Path dir) throws Exception {
        return record(dir.resolve("incident-ringwatch-jfc.jfr"), RingwatchSettings.full(),
                IncidentRecording::commitIncident);
    }

    /** A recording made without ringwatch: the JDK's default settings, ringwatch's events switched off. */
    static Path writeWithoutRingwatch(Path dir) throws Exception {
        return record(dir.resolve("plain.jfr"), Configuration.getConfiguration("default"), () -> {
            ringCreated(1, 10, "", "x.Y"); // must not show up: the recording has the event disabled
        }, true);
    }

    static Path record(Path file, Configuration settings, Runnable commits) throws Exception {
        return record(file, settings, commits, false);
    }

    private static Path record(Path file, Configuration settings, Runnable commits, boolean ringwatchOff)
            throws Exception {
        try (Recording recording = new Recording(settings)) {
            if (ringwatchOff) {
                for (Class<? extends Event> type : RingwatchEvents.ALL) {
                    recording.disable(type);
                }
            }
            recording.start();
            commits.run();
            recording.stop();
            recording.dump(file);
        }
        assertTrue(Files.size(file) > 0, "JFR wrote nothing to " + file);
        return file;
    }

    private static void commitIncident() {
        ringClosed(99, 40, "");
        ringCreated(1, 11, "SQPOLL", "com.example.Poller");
        slot(1, 0, FileSlotUpdatedEvent.ACTION_REGISTERED, 1, 0);
        slot(1, 0, FileSlotUpdatedEvent.ACTION_RELEASED, 1, 0); // never confirmed, but ring 1 gets closed
        ringCreated(2, 12, "", "com.example.Server");
        ringCreated(3, 13, "SQPOLL|SQE128", "com.example.Server");
        slot(3, 0, FileSlotUpdatedEvent.ACTION_REGISTERED, 1, 0);
        slot(3, 1, FileSlotUpdatedEvent.ACTION_REGISTERED, 2, 0);
        slot(3, 0, FileSlotUpdatedEvent.ACTION_RELEASED, 1, 0);
        slot(3, 0, FileSlotUpdatedEvent.ACTION_DROP_CONFIRMED, 1, Duration.ofMillis(2).toNanos());
        slot(3, 1, FileSlotUpdatedEvent.ACTION_RELEASED, 2, 0); // never confirmed
        slot(3, 0, FileSlotUpdatedEvent.ACTION_REGISTERED, 3, 0); // occupied at the end
        ringClosed(1, 11, "SQPOLL");
        ringCreated(4, 14, "SQPOLL|SQE128", "com.example.Server");
        ringCreated(5, 15, "SQE128", "com.example.Legacy");
        slot(4, 5, FileSlotUpdatedEvent.ACTION_DROP_CONFIRMED, 7, Duration.ofMillis(6).toNanos());
        statistics(2, 1000);
        ringClosed(2, 12, "");
        ringCreated(6, 16, "CQE32", "com.example.Server");
        ringClosed(5, 15, "SQE128");
        statistics(4, -1);

        // The findings go through the agent's own FindingEvents, so they are filled as the agent fills them.
        ringOutlivedOwner(3, 13, "SQPOLL|SQE128", Duration.ofSeconds(1));
        ringOutlivedOwner(4, 14, "SQPOLL|SQE128", Duration.ofSeconds(3));
        ringOutlivedOwner(100, 20, "SQPOLL", Duration.ofSeconds(2));
        FindingEvents.commit(new Finding.SqpollThreadOutlivedRing(4243, SQ_THREAD_NAME, 1, 11, "",
                Duration.ofMillis(200).toNanos(), "", "", SERVER_STACK, 0, 0, "", -1)); // flags, owner: RingCreated's
        FindingEvents.commit(new Finding.UntrackedSqpollThread(5000, SQ_THREAD_NAME));
        for (int slot = 0; slot < 4; slot++) {
            long age = Duration.ofMillis(10L * (slot + 1)).toNanos();
            String file = "socket:[" + (19000 + slot) + "]";
            String thread = "acceptor-" + (slot % 2);
            FindingEvents.commit(slot == 1
                    ? new Finding.SlotOutlivedOwner(6, 16, slot, 50 + slot, file, 0, CONN_OWNER, thread, age,
                            CONN_STACK, false, true, false, "CQE32", 8)
                    : new Finding.FdClosedUnderSlot(6, 16, slot, 50 + slot, file, 0, CONN_OWNER, thread, age,
                            CONN_STACK, ""));
        }
        FindingEvents.commit(new Finding.ClosedRingStillMapped(LIBRARY, 5, 15, "", false, "com.example.Legacy", "main",
                Duration.ofMillis(500).toNanos(), "", BYTES_MAPPED, -1, 0, 0, ""));

        stalled(3, 1, 2, Duration.ofSeconds(10), "READ on slot 2", Duration.ofMinutes(1));
        stalled(3, 4, 9, Duration.ofSeconds(30), "POLL_ADD on slot 0", Duration.ofMinutes(5));
        FindingEvents.commit(new Finding.SocketDrift(Duration.ofSeconds(60).toNanos(), 6, 1000, 1120, 10, 10, 5, 5, 110));
        FindingEvents.commit(new Finding.UntrackedRing(77, 0, -1, 2, "SqThread: -1, UserFiles: 16, UserBufs: 0"));
        statistics(3, 1120);

        OpenAtExitEvent exit = new OpenAtExitEvent();
        exit.openRings = 3;
        exit.sqpollRings = 2;
        exit.occupiedSlots = 1;
        exit.pendingReleases = 1;
        exit.summary = "ring 3 fd 13 SQPOLL|SQE128\nring 4 fd 14 SQPOLL|SQE128\nring 6 fd 16 CQE32";
        exit.commit();
    }

    static void ringCreated(long ringId, int fd, String flags, String owner) {
        RingCreatedEvent e = new RingCreatedEvent();
        e.ringId = ringId;
        e.ringFd = fd;
        e.setupFlags = flags;
        e.sqThreadTid = flags.contains("SQPOLL") ? 4000 + (int) ringId : -1;
        e.ownerClass = owner;
        e.commit();
    }

    static void ringClosed(long ringId, int fd, String flags) {
        RingClosedEvent e = new RingClosedEvent();
        e.ringId = ringId;
        e.ringFd = fd;
        e.setupFlags = flags;
        e.commit();
    }

    private static void slot(long ringId, int slot, String action, long tag, long confirmationDelay) {
        Events.slotUpdated(ringId, 10 + (int) ringId, slot, action, 30 + slot, "socket:[" + (18000 + tag) + "]", tag,
                CONN_OWNER, confirmationDelay);
    }

    /** An SQPOLL ring of site A whose owner is gone (its SQPOLL thread is {@code 4000 + ringId}). */
    private static void ringOutlivedOwner(long ringId, int fd, String flags, Duration age) {
        FindingEvents.commit(new Finding.RingOutlivedOwner(LIBRARY, ringId, fd, flags, true, "com.example.Server",
                "main", age.toNanos(), SERVER_STACK, BYTES_MAPPED, 4000 + (int) ringId, 0, 8, true, false));
    }

    private static void stalled(long ringId, int slot, long tag, Duration stalledFor, String op, Duration opAge) {
        FindingEvents.commit(new Finding.SlotReleaseStalled(ringId, 10 + (int) ringId, slot, tag,
                "socket:[1" + slot + "]", stalledFor.toNanos(), op, opAge.toNanos(), 2));
    }

    private static void statistics(int liveRings, long socketsUsed) {
        RingStatisticsEvent e = new RingStatisticsEvent();
        e.liveRings = liveRings;
        e.sqpollRings = 1;
        e.sqpollThreads = 1;
        e.occupiedSlotsTracked = 1;
        e.occupiedSlotsKernel = 1;
        e.socketsUsed = socketsUsed;
        e.commit();
    }
}
