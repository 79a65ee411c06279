package dev.ringwatch.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * The kernel's socket count ({@code sockets: used} in /proc/net/sockstat) grew over a window while
 * this process's socket fds and slot-held sockets did not: sockets are being kept by something
 * nobody sees, such as fixed-file releases the kernel holds back.
 */
@Name(SocketDriftEvent.NAME)
@Label("Socket Drift")
@Category({"ringwatch", "Leaks"})
@Description("The kernel's count of sockets (/proc/net/sockstat 'sockets: used') grew over a window while"
        + " this process's socket file descriptors and fixed-file slots holding sockets did not."
        + " The kernel count covers the whole network namespace")
@StackTrace(false)
public final class SocketDriftEvent extends Event {

    public static final String NAME = "dev.ringwatch.SocketDrift";

    private static final SocketDriftEvent GATE = new SocketDriftEvent();

    @Label("Window")
    @Description("Length of the observed window")
    @Timespan(Timespan.NANOSECONDS)
    public long window;

    @Label("Sockets Used at Start")
    @Description("Kernel 'sockets: used' at the start of the window")
    public long socketsUsedStart;

    @Label("Sockets Used at End")
    @Description("Kernel 'sockets: used' at the end of the window")
    public long socketsUsedEnd;

    @Label("Socket FDs at Start")
    @Description("This process's socket file descriptors at the start of the window")
    public int socketFdsStart;

    @Label("Socket FDs at End")
    @Description("This process's socket file descriptors at the end of the window")
    public int socketFdsEnd;

    @Label("Slot-Held Sockets at Start")
    @Description("Sockets held by fixed-file slots of tracked rings at the start of the window")
    public int slotHeldSocketsStart;

    @Label("Slot-Held Sockets at End")
    @Description("Sockets held by fixed-file slots of tracked rings at the end of the window")
    public int slotHeldSocketsEnd;

    /** True while some recording wants this event; allocation-free, check it before filling fields. */
    public static boolean enabled() {
        return GATE.isEnabled();
    }
}
