package dev.ringwatch.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import jdk.jfr.Unsigned;

/**
 * A released slot's file was not dropped by the kernel within the grace period: its tag CQE did not
 * come. On kernels before 6.13 one long-running request on a fixed file holds back every later
 * release; the oldest in-flight fixed-file operation is the usual culprit.
 */
@Name(SlotReleaseStalledEvent.NAME)
@Label("Slot Release Stalled")
@Category({"ringwatch", "Leaks"})
@Description("A fixed-file slot was released but the kernel has not confirmed dropping its file within the"
        + " grace period, so the file (often a socket) stays open; names the oldest in-flight fixed-file operation")
@StackTrace(false)
public final class SlotReleaseStalledEvent extends Event {

    public static final String NAME = "dev.ringwatch.SlotReleaseStalled";

    private static final SlotReleaseStalledEvent GATE = new SlotReleaseStalledEvent();

    @RingId
    @Label("Ring Id")
    @Description("Identifies the ring within this JVM")
    public long ringId;

    @Label("Ring File Descriptor")
    @Description("The ring's file descriptor")
    public int ringFd;

    @Label("Slot")
    @Description("Index of the released slot in the ring's registered-file table")
    public int slot;

    @Label("Tag")
    @Description("The slot's tag, whose CQE has not arrived")
    @Unsigned
    public long tag;

    @Label("File")
    @Description("What the slot held before the release, e.g. socket:[18868]")
    public String file;

    @Label("Stalled For")
    @Description("Time since the slot was released")
    @Timespan(Timespan.NANOSECONDS)
    public long stalledFor;

    @Label("Oldest In-Flight Operation")
    @Description("The oldest operation still in flight on a fixed file of this ring, e.g. POLL_ADD on slot 0;"
            + " empty when none is known")
    public String oldestInFlight;

    @Label("Oldest In-Flight Age")
    @Description("How long that oldest operation has been in flight; 0 when none is known")
    @Timespan(Timespan.NANOSECONDS)
    public long oldestInFlightAge;

    @Label("Pending Releases")
    @Description("Released slots of this ring still waiting for the kernel's confirmation, this one included")
    public int pendingReleases;

    /** True while some recording wants this event; allocation-free, check it before filling fields. */
    public static boolean enabled() {
        return GATE.isEnabled();
    }
}
