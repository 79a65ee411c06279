package dev.ringwatch.agent.log;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The agent's log lines, through {@link System.Logger} named {@value #NAME} so they land in the
 * application's logging. The logger is looked up on first use: looking it up in premain would
 * initialise the logging backend at start-up even when the agent never has anything to say.
 */
public final class AgentLog {
    /** The one logger name of every agent line. */
    public static final String NAME = "dev.ringwatch";

    private static volatile Level threshold = Level.INFO;
    private static volatile Logger logger;
    /** Set when the JVM shuts down: every line then takes the path of {@link #logAtShutdown}. */
    private static volatile boolean shuttingDown;
    /** The INFO line saying the agent runs, until it is logged: before any other line, or by {@link #flushStartLine}. */
    private static final java.util.concurrent.atomic.AtomicReference<String> startLine =
            new java.util.concurrent.atomic.AtomicReference<>();

    private AgentLog() {
    }

    /** The agent's own threshold (option logLevel); the application's logging filters further. */
    public static void threshold(Level level) {
        threshold = level;
    }

    /** From now on every line goes the way of {@link #logAtShutdown} (the JVM is shutting down). */
    public static void shutdownStarted() {
        shuttingDown = true;
    }

    /**
     * Holds the agent's start line until the first other line or {@link #flushStartLine}, whichever comes first:
     * logging it in premain would initialise the logging backend on the application's start-up path.
     */
    public static void startLine(String line) {
        startLine.set(line);
    }

    /** Logs the held start line now, if it was not yet (from the agent's own thread, or at exit). */
    public static void flushStartLine() {
        String line = startLine.getAndSet(null);
        if (line != null) {
            log(Level.INFO, line);
        }
    }

    public static boolean enabled(Level level) {
        Level t = threshold;
        return t != Level.OFF && level.getSeverity() >= t.getSeverity();
    }

    /**
     * Logs from a shutdown hook. java.util.logging's own shutdown hook resets its configuration (removing
     * the console handler) concurrently with ours, which would swallow the line; with that backend the line
     * goes straight to the handlers configured for {@value #NAME} (captured before any reset), or to
     * standard error when the reset already removed them.
     */
    public static void logAtShutdown(Level level, String message) {
        if (startLine.get() != null) {
            flushStartLine();
        }
        if (!enabled(level)) {
            return;
        }
        try {
            if ("sun.util.logging.internal.LoggingProviderImpl".equals(System.LoggerFinder.getLoggerFinder().getClass().getName())
                    && JulAtShutdown.publish(NAME, level, message)) {
                return;
            }
        } catch (Throwable e) {
            // fall back to the ordinary path
        }
        publish(level, message, null);
    }

    public static void log(Level level, String message) {
        log(level, message, null);
    }

    public static void log(Level level, String message, Throwable thrown) {
        if (startLine.get() != null) {
            flushStartLine();
        }
        if (shuttingDown && thrown == null) {
            logAtShutdown(level, message);
        } else if (enabled(level)) {
            publish(level, message, thrown);
        }
    }

    private static void publish(Level level, String message, Throwable thrown) {
        try {
            Logger l = logger;
            if (l == null) {
                l = System.getLogger(NAME);
                logger = l;
            }
            if (thrown == null) {
                l.log(level, message);
            } else {
                l.log(level, message, thrown);
            }
        } catch (Throwable t) {
            // the application's logging failed us: the line must not be lost, nor the application disturbed
            System.err.println(message);
        }
    }
}
