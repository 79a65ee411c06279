package dev.ringwatch.agent.it;

import dev.ringwatch.programs.DroppedFixedFile;
import dev.ringwatch.programs.DroppedRing;
import dev.ringwatch.programs.OwnerDroppedRingKept;
import dev.ringwatch.programs.RingWithSlotsDropped;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a leak report says: the log line a user acts on, and the JFR event's fields. */
class LeakReportIT {

    @Test
    void sqpollRingLeakLineNamesRingAgeOwnerSiteAndFix() throws Exception {
        ChildRun run = ChildJvm.of("report-sqpoll-ring", DroppedRing.class, "sqpoll").run();
        assertEquals(0, run.exitCode(), run.where());
        String fd = run.value("RING_FD");
        List<String> lines = run.leakLines("ring outlived owner");
        assertEquals(1, lines.size(), run.where());
        String line = lines.get(0);
        assertTrue(line.startsWith("ringwatch LEAK ring outlived owner: SQPOLL ring fd=" + fd
                + " flags=SQPOLL|SQE128|CQE32|NO_SQARRAY entries=64 age="), line);
        assertTrue(line.contains(" owner=dev.ringwatch.ring.IoUring (the ring itself"), line);
        assertTrue(line.contains("created by thread \"main\" at\n\tdev.ringwatch.programs.DroppedRing.open(DroppedRing.java:"),
                line);
        assertTrue(line.contains("\n\tdev.ringwatch.programs.DroppedRing.main(DroppedRing.java:"), line);
        assertTrue(line.contains("severe: its SQPOLL kernel thread (iou-sqp, tid "), line);
        assertTrue(line.contains("fix: close the ring (IoUring.close()"), line);
        assertFalse(line.contains("dev.ringwatch.agent."), "no agent frames in the creation stack: " + line);
        assertEquals("1", run.value("SQP_WHILE_OPEN"));
        assertEquals("1", run.value("SQP_AFTER"), "without reclaim the kernel thread stays");

        RecordedEvent leak = run.events("dev.ringwatch.RingLeak").get(0);
        assertEquals(Integer.parseInt(fd), leak.getInt("ringFd"));
        assertEquals("SQPOLL|SQE128|CQE32|NO_SQARRAY", leak.getString("setupFlags"));
        assertTrue(leak.getBoolean("severe"));
        assertEquals("dev.ringwatch.ring.IoUring", leak.getString("ownerClass"));
        assertEquals("main", leak.getString("creatingThread"));
        assertTrue(leak.getLong("age") > 0);
        assertTrue(leak.getLong("bytesMapped") > 0);
        assertTrue(leak.getInt("sqThreadTid") > 0, leak.toString());
        assertTrue(leak.getString("creationStack").startsWith("dev.ringwatch.programs.DroppedRing.open("), leak.toString());

        RecordedEvent created = run.events("dev.ringwatch.RingCreated").get(0);
        assertEquals(leak.getLong("ringId"), created.getLong("ringId"));
        assertEquals(64, created.getInt("sqEntries"));
        assertTrue(created.getStackTrace().getFrames().stream().map(RecordedFrame::getMethod)
                .anyMatch(m -> m.getType().getName().equals("dev.ringwatch.programs.DroppedRing")), created.toString());
    }

    @Test
    void ownerGoneWhileRingReferencedSaysSo() throws Exception {
        ChildRun run = ChildJvm.of("report-owner-gone", OwnerDroppedRingKept.class).run();
        String line = run.leakLines("ring outlived owner").get(0);
        assertTrue(line.contains("owner=dev.ringwatch.programs.OwnerDroppedRingKept$Session created by thread"), line);
        assertTrue(line.contains("its owner dev.ringwatch.programs.OwnerDroppedRingKept$Session was garbage collected"
                + " while the ring was open; the IoUring object is still referenced elsewhere"), line);
        assertTrue(line.contains("OwnerDroppedRingKept$Session.open(OwnerDroppedRingKept.java:"), line);
        assertEquals("false", run.value("RING_CLOSED"), "without reclaim the agent never closes a ring");
    }

    @Test
    void ringLeakCountsItsSlotsInsteadOfReportingThem() throws Exception {
        ChildRun run = ChildJvm.of("report-ring-with-slots", RingWithSlotsDropped.class).run();
        String line = run.leakLines("ring outlived owner").get(0);
        assertTrue(line.contains("it still holds 3 fixed-file slots"), line);
        assertEquals(3, run.events("dev.ringwatch.RingLeak").get(0).getInt("occupiedSlots"));
        assertEquals(0, run.events("dev.ringwatch.FileSlotLeak").size());
    }

    @Test
    void slotLeakWithAllStacksNamesSlotFileOwnerAndSite() throws Exception {
        ChildRun run = ChildJvm.of("report-slot-all", DroppedFixedFile.class).agentOptions("slotStacks=all").run();
        String sock = run.value("SOCKET_FD");
        String line = run.leakLines("slot outlived owner").get(0);
        assertTrue(line.startsWith("ringwatch LEAK slot outlived owner: slot 0 (fd " + sock + ", socket:["), line);
        assertTrue(line.contains(" of ring fd="), line);
        assertTrue(line.contains("owner=dev.ringwatch.ring.FixedFile (the FixedFile handle itself"), line);
        assertTrue(line.contains("registered by thread \"main\" at\n\tdev.ringwatch.programs.DroppedFixedFile.register("),
                line);
        assertTrue(line.contains("fix: close the FixedFile (FixedFile.close())"), line);
        assertEquals("1", run.value("OCCUPIED_AFTER"), "without reclaim the slot stays occupied");

        RecordedEvent e = run.events("dev.ringwatch.FileSlotLeak").get(0);
        assertEquals(0, e.getInt("slot"));
        assertEquals(Integer.parseInt(sock), e.getInt("fd"));
        assertTrue(e.getString("file").startsWith("socket:["), e.toString());
        assertTrue(e.getString("creationStack").startsWith("dev.ringwatch.programs.DroppedFixedFile.register("));
        assertTrue(e.getLong("tag") != 0);
    }

    @Test
    void sampledSlotStacksSayWhenTheSiteWasNotCaptured() throws Exception {
        // the program's second registration leaks; sampled (every 1024th, from the first) skips it
        ChildRun run = ChildJvm.of("report-slot-sampled", DroppedFixedFile.class).run();
        String line = run.leakLines("slot outlived owner").get(0);
        assertTrue(line.contains("registered by thread \"main\" at\n\t(registration stack not captured: slotStacks=sampled"
                + " records one registration in 1024; slotStacks=all records every one)"), line);
        assertEquals("", run.events("dev.ringwatch.FileSlotLeak").get(0).getString("creationStack"));
    }

    @Test
    void slotOwnerGoneNamesTheOwnerClass() throws Exception {
        ChildRun run = ChildJvm.of("report-slot-owner", DroppedFixedFile.class, "owner").agentOptions("slotStacks=off").run();
        String line = run.leakLines("slot outlived owner").get(0);
        assertTrue(line.contains("owner=java.lang.StringBuilder registered by"), line);
        assertTrue(line.contains("its owner java.lang.StringBuilder was garbage collected while the slot still held the file"),
                line);
        assertTrue(line.contains("(registration stack not captured: slotStacks=off;"), line);
    }
}
