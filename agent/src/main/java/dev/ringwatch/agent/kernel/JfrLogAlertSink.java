package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.finding.FindingEvents;


import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * The default {@link AlertSink}: each alert commits its JFR event (only while a recording enables it) and
 * logs its line at WARNING. On a JVM without JFR the event classes still load but using them may fail; that
 * is logged once and the sink goes on with log lines only.
 */
public final class JfrLogAlertSink implements AlertSink {
    private final Logger log;
    private volatile boolean jfrBroken;

    public JfrLogAlertSink(Logger log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void report(Alert alert) {
        report(alert, true);
    }

    /** Commits the alert's event; logs its line only when {@code logLine} (a flood's surplus is summarised). */
    public void report(Alert alert, boolean logLine) {
        if (logLine) {
            boolean notLeak = alert.finding() instanceof Finding.UntrackedRing && !((Finding.UntrackedRing) alert.finding()).isLeak();
            log.log(notLeak ? Level.INFO : Level.WARNING, alert.logLine());
        }
        if (jfrBroken) {
            return;
        }
        try {
            FindingEvents.commit(alert.finding());
        } catch (LinkageError | IllegalStateException e) {
            jfrBroken = true;
            log.log(Level.WARNING, FaultLog.line("JFR events cannot be committed in this JVM (" + e
                    + "); leaks are logged only"));
        }
    }

    @Override
    public void fault(String line) {
        log.log(Level.WARNING, line);
    }
}
