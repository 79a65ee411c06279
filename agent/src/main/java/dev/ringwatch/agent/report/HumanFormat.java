package dev.ringwatch.agent.report;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Durations, times and sizes the way a person reads them in a terminal (ASCII only, locale-independent). */
final class HumanFormat {

    private static final long MICRO = 1_000L;
    private static final long MILLI = 1_000_000L;
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private HumanFormat() {
    }

    /** E.g. {@code 850 ns}, {@code 12.5 ms}, {@code 2.50 s}, {@code 3 min 20 s}, {@code 2 h 5 min}, {@code 1 d 3 h}. */
    static String duration(long nanos) {
        if (nanos < 0) {
            return "-" + duration(nanos == Long.MIN_VALUE ? Long.MAX_VALUE : -nanos);
        }
        if (nanos < MICRO) {
            return nanos + " ns";
        }
        if (nanos < MILLI) {
            return decimal(nanos / (double) MICRO) + " us";
        }
        if (nanos < SECOND) {
            return decimal(nanos / (double) MILLI) + " ms";
        }
        if (nanos < MINUTE) {
            return decimal(nanos / (double) SECOND) + " s";
        }
        if (nanos < HOUR) {
            return two(nanos / MINUTE, "min", nanos % MINUTE / SECOND, "s");
        }
        if (nanos < DAY) {
            return two(nanos / HOUR, "h", nanos % HOUR / MINUTE, "min");
        }
        return two(nanos / DAY, "d", nanos % DAY / HOUR, "h");
    }

    /** Null reads "n/a": the report never turns "not known" into a zero. */
    static String duration(Long nanos) {
        return nanos == null ? "n/a" : duration(nanos.longValue());
    }

    /** Three significant digits, as JFR prints its own values. */
    private static String decimal(double value) {
        String pattern = value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }

    private static String two(long major, String majorUnit, long minor, String minorUnit) {
        return minor == 0 ? major + " " + majorUnit : major + " " + majorUnit + " " + minor + " " + minorUnit;
    }

    /** UTC, to the millisecond, e.g. {@code 2025-03-01T10:15:30.123Z}. */
    static String time(Instant instant) {
        return instant == null ? "n/a" : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** E.g. {@code 512 B}, {@code 16.0 KiB}, {@code 1.50 MiB}. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return decimal(value) + " " + units[unit];
    }

    /** {@code 1 leak}, {@code 3 leaks}. */
    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
