package dev.ringwatch.agent.track;

import dev.ringwatch.agent.log.AgentLog;

import java.lang.System.Logger.Level;

/**
 * The daemon thread "ringwatch-tracker": waits on the tracker's reference queue and reports owners the
 * GC found gone. A failure while reporting is logged (once) and the thread goes on.
 */
public final class LeakWatcher implements Runnable {
    public static final String THREAD_NAME = "ringwatch-tracker";
    /** Also the resolution of the tracker's slot clock. */
    private static final long POLL_MILLIS = 100;
    private static final int POLLS_PER_HOUSEKEEPING = 10;

    private final Tracker tracker;
    private final Runnable housekeeping;
    private boolean failureLogged;
    private int polls;

    private LeakWatcher(Tracker tracker, Runnable housekeeping) {
        this.tracker = tracker;
        this.housekeeping = housekeeping;
    }

    /** Starts the thread; {@code housekeeping} (may be null) runs on it about once a second. */
    public static Thread start(Tracker tracker, Runnable housekeeping) {
        Thread t = new Thread(new LeakWatcher(tracker, housekeeping), THREAD_NAME);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public void run() {
        while (true) {
            try {
                tracker.processQueue(POLL_MILLIS);
                tracker.runLiveRingRules(System.nanoTime());
                if (housekeeping != null && ++polls % POLLS_PER_HOUSEKEEPING == 0) {
                    housekeeping.run();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                if (!failureLogged) {
                    failureLogged = true;
                    AgentLog.log(Level.ERROR, "ringwatch: the tracker thread failed while reporting (logged once; it"
                            + " goes on): " + e, e);
                }
            }
        }
    }
}
