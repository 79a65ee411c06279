package dev.ringwatch.agent.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads option durations written as a whole number and a unit ({@code 500ms}, {@code 5s}, {@code 2m}). */
final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)");

    private Durations() {
    }

    /** The duration {@code text} names, within [minMillis, maxMillis]; IllegalArgumentException otherwise. */
    static Duration parse(String text, int minMillis, int maxMillis) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration with a unit");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
        if (d.toMillis() < minMillis || d.toMillis() > maxMillis) {
            throw new IllegalArgumentException("out of range");
        }
        return d;
    }

    /** {@code millis} the way the options are written: {@code 10ms}, {@code 5s}, {@code 60m}. */
    static String text(int millis) {
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0 && millis > 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
