package dev.ringwatch.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * An io_uring fd or {@code iou-sqp} thread exists that no ring made through ring-core explains,
 * e.g. a ring set up by a native library. Reported once per fd or thread.
 */
@Name(UntrackedRingEvent.NAME)
@Label("Untracked Ring")
@Category({"ringwatch", "Leaks"})
@Description("The process has an io_uring file descriptor or SQPOLL thread that no ring created through"
        + " ring-core explains, e.g. one set up by a native library; ringwatch cannot track its lifetime")
@StackTrace(false)
public final class UntrackedRingEvent extends Event {

    public static final String NAME = "dev.ringwatch.UntrackedRing";

    private static final UntrackedRingEvent GATE = new UntrackedRingEvent();

    @Label("Ring File Descriptor")
    @Description("The io_uring file descriptor (anon_inode:[io_uring]); -1 when only a thread was found")
    public int ringFd;

    @Label("SQPOLL Thread Id")
    @Description("Kernel thread id (tid) of the ring's iou-sqp thread; -1 when none or not known")
    public int sqThreadTid;

    @Label("Occupied Slots")
    @Description("Fixed-file slots holding a file according to the kernel's fdinfo; -1 when not known")
    public int occupiedSlots;

    @Label("Kernel View")
    @Description("Summary of /proc/self/fdinfo for the ring, e.g. SqThread: 4242, UserFiles: 16, UserBufs: 0")
    public String fdinfo;

    /** True while some recording wants this event; allocation-free, check it before filling fields. */
    public static boolean enabled() {
        return GATE.isEnabled();
    }
}
