package dev.ringwatch.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A ring leaked: its owner became unreachable while it was open, or it was closed but is still
 * mapped (so the kernel keeps it, and its SQPOLL thread, alive). One event per leaked ring.
 *
 * <p>The event's own stack trace is where the leak was detected (often a cleaner or reconciler
 * thread); where the ring was created is in {@link #creationStack} and in the
 * {@link RingCreatedEvent} with the same ring id.
 */
@Name(RingLeakEvent.NAME)
@Label("Ring Leak")
@Category({"ringwatch", "Leaks"})
@Description("An io_uring ring leaked: its owner was garbage collected while the ring was open,"
        + " or it was closed but is still mapped, which keeps the ring and its SQPOLL thread alive")
@StackTrace(true)
public final class RingLeakEvent extends Event {

    public static final String NAME = "dev.ringwatch.RingLeak";

    /** The ring's owner became unreachable while the ring was still open. */
    public static final String REASON_OWNER_GONE = "owner gone";
    /** The ring was closed but /proc/self/maps still maps it. */
    public static final String REASON_CLOSED_BUT_MAPPED = "closed but still mapped";
    /** The ring is open but the thread that ran it (an event loop's) has ended. */
    public static final String REASON_THREAD_GONE = "owning thread ended";

    private static final RingLeakEvent GATE = new RingLeakEvent();

    @RingId
    @Label("Ring Id")
    @Description("Identifies the ring within this JVM")
    public long ringId;

    @Label("Library")
    @Description("The library that made the ring: ring-core, netty, netty-incubator, ...")
    public String library;

    @Label("Ring File Descriptor")
    @Description("The ring's file descriptor (the one it had, if it was closed)")
    public int ringFd;

    @Label("Setup Flags")
    @Description("IORING_SETUP_* flags without the prefix, e.g. SQPOLL|SQE128|CQE32; empty for none")
    public String setupFlags;

    @Label("Reason")
    @Description("owner gone, or closed but still mapped")
    public String reason;

    @Label("Severe")
    @Description("True for SQPOLL rings: the leak also keeps a kernel thread (iou-sqp) alive")
    public boolean severe;

    @Label("Owner Class")
    @Description("Class of the object whose lifetime bounded the ring")
    public String ownerClass;

    @Label("Creating Thread")
    @Description("Name of the thread that created the ring")
    public String creatingThread;

    @Label("Age")
    @Description("Time from the ring's creation to the detection of the leak")
    @Timespan(Timespan.NANOSECONDS)
    public long age;

    @Label("Creation Stack")
    @Description("Where the ring was created, as captured by the agent; empty when not captured")
    public String creationStack;

    @Label("Bytes Mapped")
    @Description("Bytes of the ring's memory still mapped into the process")
    @DataAmount(DataAmount.BYTES)
    public long bytesMapped;

    @Label("SQPOLL Thread Id")
    @Description("Kernel thread id (tid) of the ring's iou-sqp thread; -1 without SQPOLL or when not known")
    public int sqThreadTid;

    @Label("Occupied Slots")
    @Description("Fixed-file slots the ring still holds (their files stay open with it)")
    public int occupiedSlots;

    /** True while some recording wants this event; allocation-free, check it before filling fields. */
    public static boolean enabled() {
        return GATE.isEnabled();
    }
}
