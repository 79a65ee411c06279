package dev.ringwatch.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A kernel SQPOLL thread ({@code iou-sqp-<pid>}) outlived its ring: the ring was closed and no open
 * ring shares the thread, yet it is still alive after a grace period; or no tracked ring explains it.
 */
@Name(SqpollThreadLeakEvent.NAME)
@Label("SQPOLL Thread Leak")
@Category({"ringwatch", "Leaks"})
@Description("A kernel SQPOLL thread (iou-sqp) is still alive after its ring was closed and no open ring"
        + " shares it, or no tracked ring explains it; it burns CPU while polling and lives until the process exits")
@StackTrace(true)
public final class SqpollThreadLeakEvent extends Event {

    public static final String NAME = "dev.ringwatch.SqpollThreadLeak";

    /** The thread's ring was closed, the grace period passed, and no open ring shares the thread. */
    public static final String REASON_OUTLIVED_RING = "outlived its ring";
    /** No ring tracked by ringwatch explains the thread. */
    public static final String REASON_NO_TRACKED_RING = "no tracked ring";

    private static final SqpollThreadLeakEvent GATE = new SqpollThreadLeakEvent();

    @Label("SQPOLL Thread Id")
    @Description("Kernel thread id (tid) of the iou-sqp thread, as under /proc/self/task")
    public int sqThreadTid;

    @Label("Thread Name")
    @Description("The kernel thread's name (comm), e.g. iou-sqp-4242")
    public String threadName;

    @Label("Reason")
    @Description("outlived its ring, or no tracked ring")
    public String reason;

    @RingId
    @Label("Ring Id")
    @Description("The closed ring the thread belonged to; 0 when no tracked ring explains it")
    public long ringId;

    @Label("Ring File Descriptor")
    @Description("The file descriptor the ring had; -1 when no tracked ring explains the thread")
    public int ringFd;

    @Label("Setup Flags")
    @Description("IORING_SETUP_* flags of the ring without the prefix; empty when not known")
    public String setupFlags;

    @Label("Since Close")
    @Description("Time from the ring's close to the detection; 0 when no tracked ring explains the thread")
    @Timespan(Timespan.NANOSECONDS)
    public long sinceClose;

    @Label("Owner Class")
    @Description("Class of the object whose lifetime bounded the ring; empty when not known")
    public String ownerClass;

    @Label("Creating Thread")
    @Description("Name of the thread that created the ring; empty when not known")
    public String creatingThread;

    @Label("Creation Stack")
    @Description("Where the ring was created, as captured by the agent; empty when not captured")
    public String creationStack;

    /** True while some recording wants this event; allocation-free, check it before filling fields. */
    public static boolean enabled() {
        return GATE.isEnabled();
    }
}
