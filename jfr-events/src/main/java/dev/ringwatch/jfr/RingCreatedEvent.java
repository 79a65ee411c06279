package dev.ringwatch.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import jdk.jfr.Unsigned;

/** An io_uring ring was set up through ring-core. Committed on the creating thread. */
@Name(RingCreatedEvent.NAME)
@Label("Ring Created")
@Category({"ringwatch", "Rings"})
@Description("An io_uring ring was set up (io_uring_setup). The stack trace shows where;"
        + " the ring id links this ring's later events")
@StackTrace(true)
public final class RingCreatedEvent extends Event {

    public static final String NAME = "dev.ringwatch.RingCreated";

    private static final RingCreatedEvent GATE = new RingCreatedEvent();

    @RingId
    @Label("Ring Id")
    @Description("Identifies the ring within this JVM")
    public long ringId;

    @Label("Library")
    @Description("The library that made the ring: ring-core, netty, netty-incubator, ...")
    public String library;

    @Label("Ring File Descriptor")
    @Description("The ring's file descriptor")
    public int ringFd;

    @Label("Setup Flags")
    @Description("IORING_SETUP_* flags without the prefix, e.g. SQPOLL|SQE128|CQE32; empty for none")
    public String setupFlags;

    @Label("Setup Flags (Raw)")
    @Description("The io_uring_params flags word as passed to io_uring_setup")
    @Unsigned
    public int setupFlagsRaw;

    @Label("SQ Entries")
    @Description("Submission queue entries granted by the kernel")
    @Unsigned
    public int sqEntries;

    @Label("CQ Entries")
    @Description("Completion queue entries granted by the kernel")
    @Unsigned
    public int cqEntries;

    @Label("SQPOLL Idle")
    @Description("How long the SQPOLL thread spins without work before sleeping (sq_thread_idle);"
            + " 0 with SQPOLL means the kernel default of 1 s, and it is 0 without SQPOLL")
    @Timespan(Timespan.MILLISECONDS)
    public long sqThreadIdle;

    @Label("SQPOLL Thread Id")
    @Description("Kernel thread id (tid) of the ring's iou-sqp thread; -1 without SQPOLL or when not known")
    public int sqThreadTid;

    @Label("Attached To Ring Id")
    @Description("Ring whose SQPOLL thread and io-wq workers this ring shares (IORING_SETUP_ATTACH_WQ);"
            + " 0 when none or the other ring is not tracked")
    public long attachedRingId;

    @Label("Owner Class")
    @Description("Class of the object whose lifetime bounds the ring (the ring itself unless an owner was given)")
    public String ownerClass;

    /** True while some recording wants this event; allocation-free, check it before filling fields. */
    public static boolean enabled() {
        return GATE.isEnabled();
    }
}
