package dev.ringwatch.agent.kernel;

import java.util.HashSet;
import java.util.Set;

/**
 * Passes each distinct trouble of the reconciler to the sink once: an unreadable file is one line, not one
 * per round. When the trouble clears its key is forgotten, so a later recurrence is reported again.
 */
final class FaultLog {
    /** Lines about the reconciler's own trouble start so, and never say LEAK. */
    static final String PREFIX = "ringwatch: reconciler: ";
    private final int cap;
    private final Set<String> active = new HashSet<>();
    private long suppressed;

    FaultLog(int cap) {
        this.cap = cap;
    }

    /** Returns the line to log for {@code key}, or null when it was logged already (or too many are active). */
    String once(String key, String text) {
        if (active.contains(key)) {
            return null;
        }
        if (active.size() >= cap) {
            suppressed++;
            return null;
        }
        active.add(key);
        return line(text);
    }

    /** The line that says {@code text} about the reconciler's trouble. */
    static String line(String text) {
        return PREFIX + text;
    }

    /** The trouble under {@code key} is over. */
    boolean clear(String key) {
        return active.remove(key);
    }

    boolean isActive(String key) {
        return active.contains(key);
    }

    long suppressed() {
        return suppressed;
    }
}
