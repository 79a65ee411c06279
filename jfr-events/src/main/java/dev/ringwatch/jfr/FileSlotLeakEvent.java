package dev.ringwatch.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import jdk.jfr.Unsigned;

/**
 * A fixed-file slot leaked: its owner became unreachable while it held a file, or the application
 * closed the fd it registered while the slot still holds the file (the kernel keeps it open).
 *
 * <p>The event's own stack trace is where the leak was detected; {@link #creationStack} is where
 * the file was registered, when the agent captured it.
 */
@Name(FileSlotLeakEvent.NAME)
@Label("File Slot Leak")
@Category({"ringwatch", "Leaks"})
@Description("A registered-file (fixed-file) slot leaked: its owner was garbage collected while it held"
        + " a file, or the file descriptor was closed while the slot still holds the file open in the kernel")
@StackTrace(true)
public final class FileSlotLeakEvent extends Event {

    public static final String NAME = "dev.ringwatch.FileSlotLeak";

    /** The slot's owner became unreachable while the slot still held a file. */
    public static final String REASON_OWNER_GONE = "owner gone";
    /** The registered fd was closed; only the slot keeps the file (socket) open now. */
    public static final String REASON_FD_CLOSED_UNDER_SLOT = "fd closed under slot";

    private static final FileSlotLeakEvent GATE = new FileSlotLeakEvent();

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

    @Label("File Descriptor")
    @Description("The application's file descriptor that was registered into the slot; -1 when not known")
    public int fd;

    @Label("File")
    @Description("What the slot holds, as /proc shows it, e.g. socket:[18868]")
    public String file;

    @Label("Tag")
    @Description("The tag registered with the slot")
    @Unsigned
    public long tag;

    @Label("Reason")
    @Description("owner gone, or fd closed under slot")
    public String reason;

    @Label("Owner Class")
    @Description("Class of the object whose lifetime bounded the slot")
    public String ownerClass;

    @Label("Creating Thread")
    @Description("Name of the thread that registered the file into the slot")
    public String creatingThread;

    @Label("Age")
    @Description("Time from the registration to the detection of the leak")
    @Timespan(Timespan.NANOSECONDS)
    public long age;

    @Label("Creation Stack")
    @Description("Where the file was registered, as captured by the agent; empty when not captured")
    public String creationStack;

    /** True while some recording wants this event; allocation-free, check it before filling fields. */
    public static boolean enabled() {
        return GATE.isEnabled();
    }
}
