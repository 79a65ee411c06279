package dev.ringwatch.agent.it;

import dev.ringwatch.programs.CleanLifecycles;
import dev.ringwatch.programs.DroppedRing;
import dev.ringwatch.programs.OwnerDroppedRingKept;
import dev.ringwatch.programs.ReclaimFdReused;
import dev.ringwatch.programs.ReclaimSlot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Option reclaim: after the report the agent releases what leaked, and the kernel's resources go. */
class ReclaimIT {

    @Test
    void collectedSqpollRingIsUnmappedAndClosedAndItsThreadExits() throws Exception {
        ChildRun run = ChildJvm.of("reclaim-collected-sqpoll", DroppedRing.class, "sqpoll", "reclaim")
                .agentOptions("reclaim=true").run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("1", run.value("SQP_WHILE_OPEN"), run.where());
        assertEquals("0", run.value("SQP_AFTER"), "the iou-sqp thread exited; " + run.where());
        assertEquals("0", run.value("MAPPINGS_AFTER"), "nothing of the ring stays mapped; " + run.where());
        List<String> reclaims = run.logRecords("ringwatch RECLAIM ");
        assertEquals(1, reclaims.size(), run.where());
        assertTrue(reclaims.get(0).matches("ringwatch RECLAIM done for ring fd=" + run.value("RING_FD")
                + ": the IoUring object was collected: unmapped (\\d) of \\1 regions and closed fd .*"), reclaims.get(0));
        assertEquals(1, run.leakLines("ring outlived owner").size());
        assertEquals(1, run.events("dev.ringwatch.RingClosed").size(), "the model knows it is closed");
        assertTrue(run.logRecords("ringwatch OPEN AT EXIT").isEmpty(), "nothing open at exit; " + run.where());
    }

    @Test
    void referencedRingWhoseOwnerIsGoneIsClosedThroughClose() throws Exception {
        ChildRun run = ChildJvm.of("reclaim-owner-gone", OwnerDroppedRingKept.class, "reclaim")
                .agentOptions("reclaim=true").run();
        assertEquals("true", run.value("CLOSED_BY_AGENT"), run.where());
        assertEquals("true", run.value("SQP_GONE"), run.where());
        List<String> reclaims = run.logRecords("ringwatch RECLAIM ");
        assertEquals(1, reclaims.size(), run.where());
        assertTrue(reclaims.get(0).contains("done for ring fd=") && reclaims.get(0).contains("closed the ring (IoUring.close()"),
                reclaims.get(0));
    }

    @Test
    void ringWhoseFdNumberWasReusedByAFileIsLeftAloneAndTheFileStaysOpen() throws Exception {
        ChildRun run = ChildJvm.of("reclaim-fd-reused", ReclaimFdReused.class).agentOptions("reclaim=true").run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("/dev/null", run.value("TARGET_BEFORE"), run.where());
        assertEquals("/dev/null", run.value("TARGET_AFTER"), "the file must not be closed; " + run.where());
        List<String> reclaims = run.logRecords("ringwatch RECLAIM ");
        assertEquals(1, reclaims.size(), run.where());
        assertTrue(reclaims.getFirst().startsWith("ringwatch RECLAIM declined for ring fd=")
                && reclaims.getFirst().contains("now refers to another file"), reclaims.getFirst());
    }

    @Test
    void droppedFixedFileSlotIsReleasedAndTheKernelDropsTheFile() throws Exception {
        ChildRun run = ChildJvm.of("reclaim-slot", ReclaimSlot.class).agentOptions("reclaim=true").run();
        assertEquals("1", run.value("SLOT_LINES_BEFORE"), run.where());
        assertEquals("true", run.value("FREED"), run.where());
        assertEquals("0", run.value("SLOT_LINES_AFTER"), "fdinfo lists no occupied slot; " + run.where());
        assertEquals("0", run.value("PENDING_AFTER"), "the kernel confirmed the drop; " + run.where());
        assertEquals("true", run.value("RING_OPEN"));
        List<String> reclaims = run.logRecords("ringwatch RECLAIM ");
        assertEquals(1, reclaims.size(), run.where());
        assertTrue(reclaims.get(0).startsWith("ringwatch RECLAIM done for slot 0 of ring fd="), reclaims.get(0));
        assertEquals(1, run.events("dev.ringwatch.FileSlotLeak").size());
    }

    @Test
    void cleanProgramIsNeverReclaimed() throws Exception {
        ChildRun run = ChildJvm.of("reclaim-clean", CleanLifecycles.class).agentOptions("reclaim=true").run();
        assertEquals(0, run.exitCode(), run.where());
        assertEquals("0", run.value("LEAKS"));
        assertTrue(run.logRecords("ringwatch RECLAIM ").isEmpty(), run.where());
    }
}
