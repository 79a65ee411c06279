package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.log.AgentLog;
import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.finding.LeakText;
import dev.ringwatch.agent.finding.Rule;

import dev.ringwatch.agent.kernel.Alert;
import dev.ringwatch.agent.kernel.AlertSink;
import dev.ringwatch.agent.kernel.JfrLogAlertSink;
import dev.ringwatch.agent.track.Tracker;

import java.lang.System.Logger.Level;

/**
 * The kernel reconciler's findings on the agent's reporting path: the tracker claims each one first (so a ring
 * or slot a GC rule reported already is not reported again, and the leak counts of JMX and RingStatistics
 * include it), then the line goes through the agent's log (its threshold), the JFR event is committed, and
 * (option jsonLog) a JSON line is written.
 */
public final class KernelAlerts implements AlertSink {
    private final Tracker tracker;
    private final LeakMessages messages;
    private final JsonLines json;
    private final JfrLogAlertSink events = new JfrLogAlertSink(new AgentLogger());
    private final LeakLogThrottle throttle;

    public KernelAlerts(Tracker tracker, LeakMessages messages, JsonLines json, LeakLogThrottle throttle) {
        this.tracker = tracker;
        this.messages = messages;
        this.json = json;
        this.throttle = throttle;
    }

    @Override
    public void report(Alert alert) {
        if (!claim(alert.finding())) {
            if (AgentLog.enabled(Level.DEBUG)) {
                AgentLog.log(Level.DEBUG, "ringwatch: not reported again (already reported by another rule): "
                        + alert.logLine());
            }
            return;
        }
        Finding finding = alert.finding();
        events.report(alert, throttle.admit(alert.rule(), LeakLogThrottle.site(finding), LeakLogThrottle.age(finding)));
        if (json != null) {
            json.finding(finding, alert.logLine());
        }
    }

    /** The agent's wording (the hint for a slot stack slotStacks did not capture), applied by the reconciler. */
    @Override
    public LeakText wording() {
        return messages.text();
    }

    @Override
    public void fault(String line) {
        AgentLog.log(Level.WARNING, line);
    }

    /** Claims (and so counts, under its rule) the report of {@code finding}; false: reported already. */
    private boolean claim(Finding finding) {
        Rule rule = finding.rule();
        if (finding instanceof Finding.ClosedRingStillMapped f) {
            return tracker.claimKernelLeak(rule, f.ringId(), -1, 0);
        }
        if (finding instanceof Finding.SqpollThreadOutlivedRing f) {
            return tracker.claimKernelLeak(rule, f.ringId(), -1, 0);
        }
        if (finding instanceof Finding.FdClosedUnderSlot f) {
            return tracker.claimKernelLeak(rule, f.ringId(), f.slot(), f.tag());
        }
        if (finding instanceof Finding.UntrackedRing f && !f.isLeak()) {
            return true; // untracked, not leaked: counted nowhere
        }
        // a released slot, a ring or thread nobody tracks, the whole process: no GC rule reports those
        return tracker.claimKernelLeak(rule, 0, -1, 0);
    }

    /** {@link System.Logger} onto {@link AgentLog}, so the reconciler's lines obey option logLevel. */
    private static final class AgentLogger implements System.Logger {
        @Override
        public String getName() {
            return AgentLog.NAME;
        }

        @Override
        public boolean isLoggable(Level level) {
            return AgentLog.enabled(level);
        }

        @Override
        public void log(Level level, java.util.ResourceBundle bundle, String msg, Throwable thrown) {
            AgentLog.log(level, msg, thrown);
        }

        @Override
        public void log(Level level, java.util.ResourceBundle bundle, String format, Object... params) {
            AgentLog.log(level, params == null || params.length == 0 ? format
                    : java.text.MessageFormat.format(format, params));
        }
    }
}
