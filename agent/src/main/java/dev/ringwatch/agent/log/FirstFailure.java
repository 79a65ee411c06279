package dev.ringwatch.agent.log;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The first failure of a family of entry points that must never pass one on to the application (the hooks
 * woven into a ring library): logged once at ERROR, naming where it happened; later ones are dropped, as one
 * line already says that tracking may be incomplete.
 */
public final class FirstFailure {
    private final String family;
    private final AtomicBoolean logged = new AtomicBoolean();

    /** @param family what the line calls the entry points before their name, e.g. {@code "Netty hook "}; may be empty */
    public FirstFailure(String family) {
        this.family = family;
    }

    public void log(String where, Throwable e) {
        if (logged.compareAndSet(false, true)) {
            AgentLog.log(Level.ERROR, "ringwatch: internal error in " + family + where + " (reported once; the"
                    + " application is not affected, tracking may be incomplete): " + e, e);
        }
    }
}
