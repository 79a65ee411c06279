package dev.ringwatch.agent.report;

import dev.ringwatch.jfr.FileSlotLeakEvent;
import dev.ringwatch.jfr.FileSlotUpdatedEvent;
import dev.ringwatch.jfr.OpenAtExitEvent;
import dev.ringwatch.jfr.RingClosedEvent;
import dev.ringwatch.jfr.RingCreatedEvent;
import dev.ringwatch.jfr.RingLeakEvent;
import dev.ringwatch.jfr.RingPileUpEvent;
import dev.ringwatch.jfr.RingStatisticsEvent;
import dev.ringwatch.jfr.SlotReleaseStalledEvent;
import dev.ringwatch.jfr.SocketDriftEvent;
import dev.ringwatch.jfr.SqpollThreadLeakEvent;
import dev.ringwatch.jfr.UntrackedRingEvent;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording once, event by event (a production recording can be large: nothing but the
 * ringwatch events' essentials is kept), and builds the {@link RecordingReport}. Every way the file can
 * be unusable ends in an {@link UnreadableRecordingException} whose message says which.
 */
public final class RecordingReader {

    /** Name prefix of ringwatch's events. */
    static final String PREFIX = "dev.ringwatch.";

    private static final byte[] JFR_MAGIC = {'F', 'L', 'R', 0};

    private final RecordingInfoCollector info = new RecordingInfoCollector();
    private final RingTimelineCollector timeline = new RingTimelineCollector();
    private final LeakCollector leaks = new LeakCollector(timeline::find);
    private final KernelFindingsCollector kernel = new KernelFindingsCollector();
    private final StatisticsCollector statistics = new StatisticsCollector();
    private final ExitSummaryCollector exit = new ExitSummaryCollector();

    private RecordingReader() {
    }

    /**
     * @param top how many items each list keeps (sites, findings, open rings); {@code 0} keeps all
     */
    public static RecordingReport read(Path file, int top) throws UnreadableRecordingException {
        if (top < 0) {
            throw new IllegalArgumentException("top must be 0 (all) or positive: " + top);
        }
        long size = checkFile(file);
        RecordingReader reader = new RecordingReader();
        reader.readEvents(file);
        return reader.build(file, size, top);
    }

    /** The checks RecordingFile would fail with a less helpful message; returns the file's size. */
    private static long checkFile(Path file) throws UnreadableRecordingException {
        if (Files.isDirectory(file)) {
            throw new UnreadableRecordingException(file + " is a directory, not a JFR recording");
        }
        if (!Files.exists(file)) {
            throw new UnreadableRecordingException("no such file: " + file);
        }
        if (!Files.isRegularFile(file)) {
            // a FIFO or device would block or never end: a recording is always a regular file
            throw new UnreadableRecordingException(file + " is not a regular file, not a JFR recording");
        }
        byte[] head = new byte[JFR_MAGIC.length];
        int read;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UnreadableRecordingException("cannot read " + file + ": " + describe(e), e);
        }
        if (size == 0) {
            throw new UnreadableRecordingException(file + " is empty (0 bytes), not a JFR recording");
        }
        if (read < head.length || !Arrays.equals(head, JFR_MAGIC)) {
            throw new UnreadableRecordingException(file + " is not a JFR recording (it does not start with"
                    + " the JFR file header)" + formatHint(head, read));
        }
        return size;
    }

    /** A compressed recording is the likeliest mix-up when a file comes back from production. */
    private static String formatHint(byte[] head, int read) {
        if (read >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return "; it looks gzip-compressed: gunzip it first";
        }
        if (read >= 2 && head[0] == 'P' && head[1] == 'K') {
            return "; it looks like a zip archive: unzip it first";
        }
        return "";
    }

    /** Which settings the recording ran with: whether FileSlotUpdated was on. */
    private static final String ACTIVE_SETTING = "jdk.ActiveSetting";

    private void readEvents(Path file) throws UnreadableRecordingException {
        long order = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            timeline.slotEventType(typeId(recording, FileSlotUpdatedEvent.NAME));
            while (recording.hasMoreEvents()) {
                accept(recording.readEvent(), order++);
            }
        } catch (IOException | RuntimeException | InternalError e) {
            // jdk.jfr reports damage as IOException mostly, but a corrupt constant pool can surface as
            // a runtime exception or an InternalError from the parser; all mean the same to the user
            String what = e instanceof EOFException ? "is truncated" : "is truncated or damaged";
            throw new UnreadableRecordingException(file + " " + what + " (" + describe(e) + "; " + order
                    + " events read before that). If the JVM is still running, dump a complete recording"
                    + " with: jcmd <pid> JFR.dump", e);
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The id of the event type named {@code name} in this recording, or -1 when it has none. */
    private static long typeId(RecordingFile recording, String name) throws IOException {
        for (jdk.jfr.EventType type : recording.readEventTypes()) {
            if (type.getName().equals(name)) {
                return type.getId();
            }
        }
        return -1;
    }

    private void accept(RecordedEvent event, long order) {
        info.any(event);
        String name = event.getEventType().getName();
        if (name.equals(ACTIVE_SETTING)) {
            timeline.activeSetting(event);
            return;
        }
        if (!name.startsWith(PREFIX)) {
            return;
        }
        switch (name) {
            case RingCreatedEvent.NAME -> timeline.ringCreated(event, order);
            case RingClosedEvent.NAME -> timeline.ringClosed(event, order);
            case FileSlotUpdatedEvent.NAME -> timeline.slotUpdated(event, order);
            case RingLeakEvent.NAME -> leaks.ringLeak(event, order);
            case FileSlotLeakEvent.NAME -> leaks.fileSlotLeak(event, order);
            case RingPileUpEvent.NAME -> leaks.ringPileUp(event, order);
            case SqpollThreadLeakEvent.NAME -> {
                leaks.sqpollThreadLeak(event, order);
                kernel.sqpollThreadLeak(event, order);
            }
            case SlotReleaseStalledEvent.NAME -> kernel.slotReleaseStalled(event);
            case SocketDriftEvent.NAME -> kernel.socketDrift(event);
            case UntrackedRingEvent.NAME -> kernel.untrackedRing(event);
            case OpenAtExitEvent.NAME -> exit.openAtExit(event);
            case RingStatisticsEvent.NAME -> statistics.ringStatistics(event, order);
            default -> {
                // a type from a newer agent: counted in the header, not interpreted
            }
        }
    }

    private RecordingReport build(Path file, long size, int top) {
        return new RecordingReport(
                RecordingReport.FORMAT,
                info.build(file.toString(), size),
                leaks.build(top),
                kernel.build(timeline::find, top),
                timeline.build(leaks::leaked, info.end(), top),
                statistics.build(),
                exit.build(top));
    }
}
