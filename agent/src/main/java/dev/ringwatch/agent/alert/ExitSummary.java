package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.log.AgentLog;
import dev.ringwatch.agent.track.Tracker;
import dev.ringwatch.agent.track.TrackerSnapshot;

import java.lang.System.Logger.Level;

/**
 * "Open at exit": one summary line and one OpenAtExit event for what is still open when the JVM shuts
 * down. The event must land in recordings that JFR itself writes at exit, yet JFR's shutdown hook runs
 * concurrently with ours. So the event is committed by whichever comes first: our shutdown hook, or
 * JFR's end-of-chunk callback for OpenAtExit (JFR runs those before it finishes the final chunk of a
 * recording it stops or dumps at exit), and only once. The commit is under this object's lock, so JFR's
 * callback waits for a commit in progress on our thread and the chunk cannot end without it.
 */
public final class ExitSummary {
    private final Tracker tracker;
    private final Reporter reporter;
    private final JsonLines json;
    private final boolean summaryEnabled;
    private volatile boolean shuttingDown;
    private boolean committed;
    private boolean logged;
    /** One snapshot and line for the event and the log line, whichever of JFR and the hook comes first. */
    private TrackerSnapshot exitSnapshot;
    private String exitLine;

    public ExitSummary(Tracker tracker, Reporter reporter, JsonLines json, boolean summaryEnabled) {
        this.tracker = tracker;
        this.reporter = reporter;
        this.json = json;
        this.summaryEnabled = summaryEnabled;
    }

    /** The shutdown hook's work: event, line, then the JSON log is closed. */
    public void onShutdown() {
        shuttingDown = true;
        try {
            if (summaryEnabled) {
                summarise();
                commitOnce();
                logOnce();
            }
        } finally {
            if (json != null) {
                json.close();
            }
        }
    }

    /** JFR's periodic callback for OpenAtExit (every chunk boundary): commits only during shutdown. */
    public void onChunkBoundary() {
        if (summaryEnabled && isShuttingDown()) {
            summarise();
            commitOnce();
        }
    }

    private synchronized void summarise() {
        if (exitSnapshot == null) {
            exitSnapshot = tracker.snapshot();
            exitLine = LeakMessages.openAtExit(exitSnapshot);
        }
    }

    private synchronized void commitOnce() {
        if (!committed) {
            committed = true;
            if (exitLine != null) { // nothing open, nothing to summarise
                Events.openAtExit(exitSnapshot, exitLine);
            }
        }
    }

    private synchronized void logOnce() {
        if (logged) {
            return;
        }
        logged = true;
        String line = exitLine;
        TrackerSnapshot snap = exitSnapshot;
        if (line == null) {
            AgentLog.logAtShutdown(Level.DEBUG, "ringwatch: no ring or slot open at exit");
            return;
        }
        AgentLog.logAtShutdown(Level.INFO, line);
        reporter.openAtExit(snap, line);
    }

    private boolean isShuttingDown() {
        if (shuttingDown) {
            return true;
        }
        // Our hook may not have started yet: the JDK refuses new shutdown hooks once shutdown began.
        Thread probe = new Thread(() -> { }, "ringwatch-shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
        Runtime.getRuntime().removeShutdownHook(probe);
        return false;
    }
}
