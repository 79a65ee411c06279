package dev.ringwatch.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Summary of the rings and slots still open when the JVM shuts down. Not a leak of the other kinds:
 * the process exit releases them; it shows what the application never closed.
 */
@Name(OpenAtExitEvent.NAME)
@Label("Open at Exit")
@Category({"ringwatch", "Rings"})
@Description("Rings and fixed-file slots still open when the JVM shut down; the exit releases them,"
        + " but they show what the application never closed")
@StackTrace(false)
public final class OpenAtExitEvent extends Event {

    public static final String NAME = "dev.ringwatch.OpenAtExit";

    private static final OpenAtExitEvent GATE = new OpenAtExitEvent();

    @Label("Open Rings")
    @Description("Tracked rings still open")
    public int openRings;

    @Label("Open SQPOLL Rings")
    @Description("Of those, rings with an SQPOLL thread")
    public int sqpollRings;

    @Label("Occupied Slots")
    @Description("Fixed-file slots of tracked rings still holding a file")
    public int occupiedSlots;

    @Label("Pending Releases")
    @Description("Released slots still waiting for the kernel's confirmation that the file was dropped")
    public int pendingReleases;

    @Label("Summary")
    @Description("One line per open ring: id, fd, flags, age, owner class and occupied slots")
    public String summary;

    /** True while some recording wants this event; allocation-free, check it before filling fields. */
    public static boolean enabled() {
        return GATE.isEnabled();
    }
}
