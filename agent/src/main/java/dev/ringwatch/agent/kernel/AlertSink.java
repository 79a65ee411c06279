package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.finding.LeakText;
import dev.ringwatch.agent.log.AgentLog;

/**
 * Where the reconciler sends what it finds. Called on the reconciler's thread; an exception thrown here is
 * caught and logged once, and the reconciler goes on.
 */
public interface AlertSink {

    /** A leak, reported exactly once. */
    void report(Alert alert);

    /**
     * How this sink's alerts are worded ({@link Alert#logLine()}): the reconciler words each finding once, with
     * this. The default is the plain wording; the agent's sink words for its options (the slotStacks hint).
     */
    default LeakText wording() {
        return LeakText.PLAIN;
    }

    /**
     * A line about the reconciler's own trouble (an unreadable /proc file, a ring fd closed behind the agent's
     * back, JFR missing): not a leak. Each distinct trouble is passed once, not once per round.
     */
    void fault(String line);

    /** The default: commits the matching JFR event and logs to {@code System.Logger("dev.ringwatch")}. */
    static AlertSink standard() {
        return new JfrLogAlertSink(System.getLogger(AgentLog.NAME));
    }
}
