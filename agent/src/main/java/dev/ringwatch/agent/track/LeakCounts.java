package dev.ringwatch.agent.track;

import dev.ringwatch.agent.finding.Rule;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Leaks reported since start, one count per {@link Rule} (a fixed array by ordinal: bounded, lock-free). Every
 * detector's report is counted here as the tracker claims it, so JMX, RingStatistics and the exit see the same
 * numbers; the totals by kind are sums of these, never counted apart.
 */
final class LeakCounts {
    private static final Rule[] RULES = Rule.values();
    private final AtomicLongArray byRule = new AtomicLongArray(RULES.length);

    void count(Rule rule) {
        byRule.incrementAndGet(rule.ordinal());
    }

    long get(Rule rule) {
        return byRule.get(rule.ordinal());
    }

    /** Every rule's count now, every rule present (0 when it never fired). */
    Map<Rule, Long> byRule() {
        Map<Rule, Long> out = new EnumMap<>(Rule.class);
        for (Rule r : RULES) {
            out.put(r, byRule.get(r.ordinal()));
        }
        return out;
    }

    /** Ring leaks the tracker's own rules reported: owner gone, pile-up, owning thread ended. */
    long ringLeaks() {
        return get(Rule.RING_OUTLIVED_OWNER) + get(Rule.RING_PILE_UP) + get(Rule.RING_OUTLIVED_THREAD);
    }

    long slotLeaks() {
        return get(Rule.SLOT_OUTLIVED_OWNER);
    }

    /** The kernel reconciler's rules: every rule but the tracker's own. */
    long kernelLeaks() {
        long n = 0;
        for (Rule r : RULES) {
            if (!trackersOwn(r)) {
                n += get(r);
            }
        }
        return n;
    }

    private static boolean trackersOwn(Rule r) {
        return r == Rule.RING_OUTLIVED_OWNER || r == Rule.RING_PILE_UP || r == Rule.RING_OUTLIVED_THREAD
                || r == Rule.SLOT_OUTLIVED_OWNER;
    }
}
