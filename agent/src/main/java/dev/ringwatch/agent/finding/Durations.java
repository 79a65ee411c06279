package dev.ringwatch.agent.finding;

import java.util.Locale;

/** Ages as people read them: 850ms, 3.2s, 2m05s, 1h02m. */
public final class Durations {
    private Durations() {
    }

    public static String format(long nanos) {
        if (nanos < 0) {
            nanos = 0;
        }
        long ms = nanos / 1_000_000;
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        long m = s / 60;
        if (m < 24 * 60) {
            return String.format(Locale.ROOT, "%dh%02dm", m / 60, m % 60);
        }
        return String.format(Locale.ROOT, "%dd%02dh", m / (24 * 60), (m / 60) % 24);
    }
}
