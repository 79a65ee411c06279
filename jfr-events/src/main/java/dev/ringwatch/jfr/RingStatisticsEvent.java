package dev.ringwatch.jfr;

import java.util.Objects;
import java.util.function.Consumer;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/**
 * Periodic snapshot of what ringwatch tracks next to what the kernel reports. JFR asks for it every
 * period (5 s by default) while a recording enables it; register the sampler with
 * {@link #addPeriodicHook(Consumer)}.
 */
@Name(RingStatisticsEvent.NAME)
@Label("Ring Statistics")
@Category({"ringwatch", "Statistics"})
@Description("Periodic counts of io_uring resources: rings and SQPOLL threads, occupied fixed-file slots"
        + " as tracked and as the kernel reports them, kernel sockets in use, and leaks reported so far")
@StackTrace(false)
@Period("5 s")
public final class RingStatisticsEvent extends Event {

    public static final String NAME = "dev.ringwatch.RingStatistics";

    @Label("Live Rings")
    @Description("Tracked rings currently open")
    public int liveRings;

    @Label("SQPOLL Rings")
    @Description("Of the live rings, those with IORING_SETUP_SQPOLL")
    public int sqpollRings;

    @Label("SQPOLL Threads")
    @Description("Kernel iou-sqp threads of this process, as /proc/self/task shows them")
    public int sqpollThreads;

    @Label("Occupied Slots (Tracked)")
    @Description("Fixed-file slots holding a file according to ringwatch's tracker")
    public int occupiedSlotsTracked;

    @Label("Occupied Slots (Kernel)")
    @Description("Fixed-file slots holding a file according to the kernel's fdinfo of the tracked rings;"
            + " -1 when fdinfo could not be read")
    public int occupiedSlotsKernel;

    @Label("Pending Releases")
    @Description("Released slots still waiting for the kernel's confirmation that the file was dropped")
    public int pendingReleases;

    @Label("Kernel Sockets Used")
    @Description("'sockets: used' from /proc/net/sockstat (the whole network namespace); -1 when unreadable")
    public long socketsUsed;

    @Label("Dropped Entries")
    @Description("Tracked rings or slots forgotten because the tracker reached its memory cap, since start")
    public long droppedEntries;

    @Label("Leaks Reported")
    @Description("Leak events reported since start")
    public long leaksReported;

    /**
     * Registers {@code sampler} to fill the event each period; the hook commits it. JFR calls the
     * hook on its own thread, and only while a recording enables this event.
     *
     * @return the registered hook, to pass to {@link #removePeriodicHook(Runnable)}
     */
    public static Runnable addPeriodicHook(Consumer<? super RingStatisticsEvent> sampler) {
        Objects.requireNonNull(sampler, "sampler");
        Runnable hook = () -> {
            RingStatisticsEvent event = new RingStatisticsEvent();
            sampler.accept(event);
            event.commit();
        };
        FlightRecorder.addPeriodicEvent(RingStatisticsEvent.class, hook);
        return hook;
    }

    /** Unregisters a hook from {@link #addPeriodicHook(Consumer)}; false if it was not registered. */
    public static boolean removePeriodicHook(Runnable hook) {
        return FlightRecorder.removePeriodicEvent(Objects.requireNonNull(hook, "hook"));
    }
}
