package dev.ringwatch.sample.cli;

import java.util.Locale;

/**
 * The last line every command prints: {@code result: command=NAME key=value ...}, one line that a
 * script or test can pick apart with a regular expression. Values never contain spaces.
 */
public final class ResultLine {
    private final StringBuilder line = new StringBuilder("result:");

    public ResultLine(String command) {
        add("command", command);
    }

    public ResultLine add(String key, Object value) {
        String v = String.valueOf(value);
        if (v.isEmpty() || v.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("result value for " + key + " must be one word: '" + v + "'");
        }
        line.append(' ').append(key).append('=').append(v);
        return this;
    }

    /** A decimal with {@code digits} fraction digits, always with a dot. */
    public ResultLine add(String key, double value, int digits) {
        return add(key, String.format(Locale.ROOT, "%." + digits + "f", value));
    }

    @Override
    public String toString() {
        return line.toString();
    }
}
