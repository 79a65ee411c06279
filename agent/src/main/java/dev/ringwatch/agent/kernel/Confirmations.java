package dev.ringwatch.agent.kernel;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Counts the consecutive rounds in which a suspicion held, so a finding is only reported once it outlasts
 * the races of one round (a ring being set up, a slot being torn down). A key neither seen nor held in a
 * round is forgotten at its end. Bounded: beyond {@code cap} keys new suspicions wait for room.
 */
final class Confirmations<K> {
    private final int cap;
    private final Map<K, int[]> streaks = new HashMap<>();
    private int round;
    private long refused;

    Confirmations(int cap) {
        this.cap = cap;
    }

    /** The suspicion held this round; returns in how many consecutive rounds it has (0 when refused). */
    int seen(K key) {
        int[] s = streaks.get(key);
        if (s == null) {
            if (streaks.size() >= cap) {
                refused++;
                return 0;
            }
            s = new int[] {0, round - 1}; // not yet counted in this round, even in the very first one
            streaks.put(key, s);
        }
        if (s[1] != round) {
            s[0]++;
            s[1] = round;
        }
        return s[0];
    }

    /** No conclusion this round (e.g. fdinfo was busy): keep the streak without counting the round. */
    void hold(K key) {
        int[] s = streaks.get(key);
        if (s != null) {
            s[1] = round;
        }
    }

    /** Ends the round: forgets every key not seen or held in it. */
    void endRound() {
        for (Iterator<int[]> it = streaks.values().iterator(); it.hasNext(); ) {
            if (it.next()[1] != round) {
                it.remove();
            }
        }
        round++;
    }

    /** Suspicions being counted. */
    int size() {
        return streaks.size();
    }

    /** Suspicions not tracked because the cap was reached, since start. */
    long refused() {
        return refused;
    }
}
