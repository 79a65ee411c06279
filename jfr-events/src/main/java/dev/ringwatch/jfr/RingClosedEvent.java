package dev.ringwatch.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** A tracked ring was closed by the application. */
@Name(RingClosedEvent.NAME)
@Label("Ring Closed")
@Category({"ringwatch", "Rings"})
@Description("An io_uring ring was closed: unmapped and its file descriptor closed")
@StackTrace(false)
public final class RingClosedEvent extends Event {

    public static final String NAME = "dev.ringwatch.RingClosed";

    private static final RingClosedEvent GATE = new RingClosedEvent();

    @RingId
    @Label("Ring Id")
    @Description("Identifies the ring within this JVM")
    public long ringId;

    @Label("Library")
    @Description("The library that made the ring: ring-core, netty, netty-incubator, ...")
    public String library;

    @Label("Ring File Descriptor")
    @Description("The file descriptor the ring had")
    public int ringFd;

    @Label("Setup Flags")
    @Description("IORING_SETUP_* flags without the prefix, e.g. SQPOLL|SQE128|CQE32; empty for none")
    public String setupFlags;

    @Label("Age")
    @Description("How long the ring was open")
    @Timespan(Timespan.NANOSECONDS)
    public long age;

    @Label("Occupied Slots")
    @Description("Fixed-file slots still holding a file when the ring was closed; the kernel drops them with the ring")
    public int occupiedSlots;

    /** True while some recording wants this event; allocation-free, check it before filling fields. */
    public static boolean enabled() {
        return GATE.isEnabled();
    }
}
