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

    private AgentLog() {
    }

    /** The agent's own threshold (option logLevel); the application's logging filters further. */
    public static void threshold(Level level) {
        threshold = level;
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
        log(level, message);
    }

    public static void log(Level level, String message) {
        log(level, message, null);
    }

    public static void log(Level level, String message, Throwable thrown) {
        if (!enabled(level)) {
            return;
        }
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
