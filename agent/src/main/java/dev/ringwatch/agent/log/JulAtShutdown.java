package dev.ringwatch.agent.log;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Publishes one record through java.util.logging while its shutdown reset may be under way. */
final class JulAtShutdown {
    private JulAtShutdown() {
    }

    /** Returns false when the logger's level filters the record out (then nobody wanted it). */
    static boolean publish(String name, Level level, String message) {
        java.util.logging.Level jul = switch (level) {
            case ERROR -> java.util.logging.Level.SEVERE;
            case WARNING -> java.util.logging.Level.WARNING;
            case INFO -> java.util.logging.Level.INFO;
            case DEBUG -> java.util.logging.Level.FINE;
            case TRACE -> java.util.logging.Level.FINER;
            case ALL -> java.util.logging.Level.ALL;
            case OFF -> java.util.logging.Level.OFF;
        };
        Logger logger = Logger.getLogger(name);
        if (!logger.isLoggable(jul)) {
            return true;
        }
        List<Handler> handlers = new ArrayList<>();
        for (Logger l = logger; l != null; l = l.getUseParentHandlers() ? l.getParent() : null) {
            handlers.addAll(List.of(l.getHandlers()));
        }
        if (handlers.isEmpty()) {
            // the reset already ran; the default configuration's console handler wrote to standard error
            System.err.println(jul.getName() + ": " + message);
            return true;
        }
        LogRecord record = new LogRecord(jul, message);
        record.setLoggerName(name);
        record.setSourceClassName("dev.ringwatch.agent.alert.ExitSummary"); // its only caller, by name: alert sits above this package
        record.setSourceMethodName("onShutdown");
        for (Handler h : handlers) {
            h.publish(record);
            h.flush();
        }
        return true;
    }
}
