package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.finding.Finding;

/** How the rules speak: leaks once each, troubles once per key until cleared. */
interface Reporter {
    void leak(Finding finding);

    /** Passes {@code text} once while {@code key}'s trouble lasts. */
    void fault(String key, String text);

    /** {@code key}'s trouble is over. */
    void clear(String key);

    /** Something the reconciler forgot to stay within its caps. */
    void dropped();
}
