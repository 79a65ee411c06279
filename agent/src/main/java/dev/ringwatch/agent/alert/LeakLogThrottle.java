package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.finding.Durations;
import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.finding.Rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Keeps a flood of leaks from flooding the log: per rule and creation site, the first {@code burst} leaks of
 * each period are logged in full, the rest are counted and said in one line per site and period
 * ({@code ringwatch LEAK <rule>: ... and 427 more slot leaks from this site in the last 5.0s ...}). JFR events
 * and JSON lines are not limited. At most {@value #MAX_SITES} sites are remembered; leaks from further sites
 * share one entry per rule. Thread-safe; summary lines are written outside the lock.
 */
public final class LeakLogThrottle {
    static final int MAX_SITES = 1024;
    /** The site key of leaks from sites beyond {@link #MAX_SITES}. */
    private static final String OTHER_SITES = "(other sites)";

    private record Key(Rule rule, String site) {
    }

    private static final class Window {
        final long start;
        int logged;
        int suppressed;
        long newestAgeNanos;

        Window(long start) {
            this.start = start;
        }
    }

    private final int burst;
    private final long periodNanos;
    private final Consumer<String> out;
    private final LongSupplier clock;
    private final Map<Key, Window> windows = new LinkedHashMap<>();

    public LeakLogThrottle(int burst, Duration period, Consumer<String> out) {
        this(burst, period, out, System::nanoTime);
    }

    LeakLogThrottle(int burst, Duration period, Consumer<String> out, LongSupplier clock) {
        this.burst = burst;
        this.periodNanos = period.toNanos();
        this.out = out;
        this.clock = clock;
    }

    /**
     * A leak of {@code rule} from {@code site} (its creation site's top frame, or what stands for it, e.g.
     * the owner's class; "" when none) is to be logged: true to log its full line, false when it was counted
     * for the site's summary line instead.
     */
    public boolean admit(Rule rule, String site, long ageNanos) {
        long now = clock.getAsLong();
        String summary = null;
        boolean full;
        synchronized (this) {
            Key key = new Key(rule, site);
            Window w = windows.get(key);
            if (w == null && windows.size() >= MAX_SITES) {
                key = new Key(rule, OTHER_SITES);
                w = windows.get(key);
            }
            if (w != null && now - w.start >= periodNanos) {
                summary = summary(key, w, now);
                w = null;
            }
            if (w == null) {
                w = new Window(now);
                windows.remove(key);
                windows.put(key, w);
            }
            full = w.logged < burst;
            if (full) {
                w.logged++;
            } else {
                w.suppressed++;
                w.newestAgeNanos = ageNanos;
            }
        }
        if (summary != null) {
            out.accept(summary);
        }
        return full;
    }

    /** Says the counts of every period that ended (all of them when {@code all}, at exit); forgets idle sites. */
    public void flush(boolean all) {
        long now = clock.getAsLong();
        List<String> lines = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Map.Entry<Key, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Key, Window> e = it.next();
                if (all || now - e.getValue().start >= periodNanos) {
                    String s = summary(e.getKey(), e.getValue(), now);
                    if (s != null) {
                        lines.add(s);
                    }
                    it.remove();
                }
            }
        }
        lines.forEach(out);
    }

    /** The site a leak counts under: the first frame of its creation stack, else its owner's class; "" for none. */
    public static String site(String creationStack, String ownerClass) {
        if (creationStack != null && !creationStack.isBlank()) {
            String s = creationStack.strip();
            int nl = s.indexOf('\n');
            return nl < 0 ? s : s.substring(0, nl).strip();
        }
        return ownerClass == null || ownerClass.isEmpty() ? "" : "owner " + ownerClass + " (no creation stack recorded)";
    }

    /** {@link #site(String, String)} of a finding; "" for findings about no ring or slot made by the application. */
    static String site(Finding f) {
        if (f instanceof Finding.RingLeak r) {
            return site(r.creationStack(), r.ownerClass());
        }
        if (f instanceof Finding.SlotLeak s) {
            return site(s.creationStack(), s.ownerClass());
        }
        return "";
    }

    static long age(Finding f) {
        if (f instanceof Finding.RingLeak r) {
            return r.age();
        }
        return f instanceof Finding.SlotLeak s ? s.age() : 0;
    }

    /** Sites with a period under way (for tests: the memory bound). */
    synchronized int sites() {
        return windows.size();
    }

    /** The period's count line; the period is cut short at exit, so the time said is what it really covered. */
    private String summary(Key key, Window w, long now) {
        if (w.suppressed == 0) {
            return null;
        }
        String noun = switch (key.rule()) {
            case RING_OUTLIVED_OWNER, CLOSED_RING_STILL_MAPPED -> "ring leak";
            case SLOT_OUTLIVED_OWNER, FD_CLOSED_UNDER_SLOT -> "slot leak";
            default -> "leak";
        } + (w.suppressed == 1 ? "" : "s");
        String from = key.site().isEmpty() ? "" : key.site().equals(OTHER_SITES)
                ? " (from sites beyond the " + MAX_SITES + " this log tells apart):" : " from " + key.site() + ":";
        return "ringwatch LEAK " + key.rule().title() + ":" + from + " " + w.logged + " logged in full, and "
                + w.suppressed + " more " + noun + (key.site().isEmpty() ? "" : " from this site") + " in the last "
                + Durations.format(Math.min(now - w.start, periodNanos)) + ", the newest age=" + Durations.format(w.newestAgeNanos)
                + " (each has its JFR event and JSON line; options logBurst="
                + burst + " and logPeriod=" + Durations.format(periodNanos) + " set this limit)";
    }
}
