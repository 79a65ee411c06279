package dev.ringwatch.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Rings from one creation site keep piling up: more than the agent's {@code pileUpThreshold} of them are
 * open, their number grew window after window and none was closed. Catches what the GC cannot: event loop
 * groups never shut down (their threads keep the rings reachable), rings kept in a collection. One event
 * per creation site.
 */
@Name(RingPileUpEvent.NAME)
@Label("Ring Pile-Up")
@Category({"ringwatch", "Leaks"})
@Description("More rings than the threshold are open from one creation site, and their number kept growing"
        + " over consecutive windows with none of them closed")
@StackTrace(false)
public final class RingPileUpEvent extends Event {

    public static final String NAME = "dev.ringwatch.RingPileUp";

    private static final RingPileUpEvent GATE = new RingPileUpEvent();

    @Label("Library")
    @Description("The library that made the rings: ring-core, netty, netty-incubator, ...")
    public String library;

    @Label("Creation Site")
    @Description("Where the rings were created (application frames first), one frame per line")
    public String creationSite;

    @Label("Open Rings")
    @Description("Rings from this creation site open when the pile-up was reported")
    public int openRings;

    @Label("SQPOLL Threads")
    @Description("Of those rings, the ones holding an SQPOLL kernel thread (iou-sqp)")
    public int sqpollThreads;

    @Label("Oldest Ring Age")
    @Description("Age of the oldest open ring from this creation site")
    @Timespan(Timespan.NANOSECONDS)
    public long oldestAge;

    @Label("Growing Windows")
    @Description("Consecutive windows in which the number of open rings from this site grew")
    public int growingWindows;

    @Label("Creating Thread")
    @Description("The thread that created the newest of the rings")
    public String creatingThread;

    /** True while some recording wants this event; allocation-free, check it before filling fields. */
    public static boolean enabled() {
        return GATE.isEnabled();
    }
}
