package dev.ringwatch.agent.report;

import java.time.Duration;
import jdk.jfr.consumer.RecordedEvent;

/**
 * Reads fields of a recorded event tolerantly: a recording made by an older or newer agent may lack
 * a field or carry a null string, and the report should still come out, with the defaults the event
 * reference uses for "not known" (-1 for fds and tids, 0 for ids, "" for strings).
 */
final class EventFields {

    private EventFields() {
    }

    /** Longest text kept of a one-line field (a class, thread or file name); the report prints what it keeps. */
    static final int MAX_TEXT = 1000;
    /** Longest text kept of a multi-line field (a creation stack, an fdinfo, the exit summary). */
    static final int MAX_BLOCK = 16_000;

    /**
     * The string, cut to {@link #MAX_TEXT} characters ({@link #MAX_BLOCK} for multi-line fields): a recording
     * may carry megabytes in one field, and neither the report's heap nor its reader's screen wants them whole.
     */
    static String string(RecordedEvent event, String field) {
        if (!event.hasField(field)) {
            return "";
        }
        String value = event.getString(field);
        return value == null ? "" : capped(value, isBlock(field) ? MAX_BLOCK : MAX_TEXT);
    }

    private static boolean isBlock(String field) {
        return field.equals("creationStack") || field.equals("fdinfo") || field.equals("summary");
    }

    /** {@code value} itself when short enough, else its start and how much was cut. */
    static String capped(String value, int max) {
        if (value.length() <= max) {
            return value;
        }
        return value.substring(0, max) + "... [" + (value.length() - max) + " more characters cut]";
    }

    static long longValue(RecordedEvent event, String field, long absent) {
        return event.hasField(field) ? event.getLong(field) : absent;
    }

    static int intValue(RecordedEvent event, String field, int absent) {
        return event.hasField(field) ? event.getInt(field) : absent;
    }

    static boolean bool(RecordedEvent event, String field) {
        return event.hasField(field) && event.getBoolean(field);
    }

    /** A timespan field in nanoseconds whatever its declared unit; 0 when absent. */
    static long nanos(RecordedEvent event, String field) {
        if (!event.hasField(field)) {
            return 0;
        }
        Duration duration = event.getDuration(field);
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** The unsigned tag in decimal; "" when absent. */
    static String unsigned(RecordedEvent event, String field) {
        return event.hasField(field) ? Long.toUnsignedString(event.getLong(field)) : "";
    }

    /** The event name without the {@code dev.ringwatch.} prefix, e.g. RingLeak. */
    static String kind(RecordedEvent event) {
        String name = event.getEventType().getName();
        return name.startsWith(RecordingReader.PREFIX) ? name.substring(RecordingReader.PREFIX.length()) : name;
    }
}
