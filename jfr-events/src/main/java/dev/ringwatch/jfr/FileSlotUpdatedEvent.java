package dev.ringwatch.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import jdk.jfr.Unsigned;

/**
 * A fixed-file slot changed: a file was registered, released, or the kernel confirmed the drop.
 *
 * <p>Off unless a recording enables it (ringwatch-profile.jfc does): a slot cycle commits three of these,
 * too many for the always-on recordings that run with the JDK's default settings. Not {@code @Throttle}d:
 * that annotation is JDK 25 only, and these classes are to compile for JDK 17 too.
 */
@Name(FileSlotUpdatedEvent.NAME)
@Label("File Slot Updated")
@Category({"ringwatch", "Fixed Files"})
@Description("A registered-file (fixed-file) slot of a ring changed: a file was registered into it,"
        + " the slot was released, or the kernel confirmed it really dropped the released file")
@StackTrace(false)
@Enabled(false)
public final class FileSlotUpdatedEvent extends Event {

    public static final String NAME = "dev.ringwatch.FileSlotUpdated";

    /** A file was registered into the slot. */
    public static final String ACTION_REGISTERED = "registered";
    /** The application released the slot; the kernel may still hold the file until it confirms. */
    public static final String ACTION_RELEASED = "released";
    /** The kernel posted the slot's tag CQE: the released file is really gone. */
    public static final String ACTION_DROP_CONFIRMED = "drop confirmed";

    private static final FileSlotUpdatedEvent GATE = new FileSlotUpdatedEvent();

    @RingId
    @Label("Ring Id")
    @Description("Identifies the ring within this JVM")
    public long ringId;

    @Label("Ring File Descriptor")
    @Description("The ring's file descriptor")
    public int ringFd;

    @Label("Slot")
    @Description("Index of the slot in the ring's registered-file table")
    public int slot;

    @Label("Action")
    @Description("What happened: registered, released or drop confirmed")
    public String action;

    @Label("File Descriptor")
    @Description("The application's file descriptor that was registered into the slot; -1 when not known")
    public int fd;

    @Label("File")
    @Description("What the slot holds, as /proc shows it, e.g. socket:[18868] or /tmp/data.bin")
    public String file;

    @Label("Tag")
    @Description("The tag registered with the slot; the kernel echoes it in the CQE that confirms the drop")
    @Unsigned
    public long tag;

    @Label("Owner Class")
    @Description("Class of the object whose lifetime bounds the slot; empty when none was given")
    public String ownerClass;

    @Label("Confirmation Delay")
    @Description("For drop confirmed: time from the release to the kernel's confirmation; 0 for other actions")
    @Timespan(Timespan.NANOSECONDS)
    public long confirmationDelay;

    /** True while some recording wants this event; allocation-free, check it before filling fields. */
    public static boolean enabled() {
        return GATE.isEnabled();
    }
}
