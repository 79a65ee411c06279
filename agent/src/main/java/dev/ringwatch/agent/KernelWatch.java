package dev.ringwatch.agent;

import dev.ringwatch.agent.log.AgentLog;
import dev.ringwatch.agent.alert.Events;
import dev.ringwatch.agent.alert.JsonLines;
import dev.ringwatch.agent.alert.KernelAlerts;
import dev.ringwatch.agent.alert.LeakMessages;
import dev.ringwatch.agent.alert.LeakLogThrottle;
import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.kernel.Reconciler;
import dev.ringwatch.agent.kernel.ReconcilerOptions;
import dev.ringwatch.agent.track.Tracker;
import dev.ringwatch.agent.track.TrackerState;

import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Starts the kernel reconciler (option reconcile) on its daemon thread, its findings on the agent's reporting
 * path ({@link KernelAlerts}). The agent emits the one RingStatistics per period, so the reconciler is started
 * without its own. Under -javaagent it is built on a thread of its own: its set-up (tens of milliseconds of
 * class loading: /proc readers, rules, the process handle) must not delay the application's main. Whatever
 * fails here is one log line: the tracker and the application run on.
 */
final class KernelWatch {
    private static final String STARTER_NAME = Reconciler.THREAD_NAME + "-start";

    /** Builds and starts the reconciler, or null when there is none to wait for. */
    private final Thread starter;
    private volatile Reconciler reconciler;

    /** A watch whose reconciler (possibly none) is already settled. */
    private KernelWatch(Reconciler reconciler) {
        this.starter = null;
        this.reconciler = reconciler;
    }

    /** A watch whose reconciler its starter thread builds and starts; call {@code starter.start()}. */
    private KernelWatch(AgentOptions o, Tracker tracker, JsonLines json, LeakLogThrottle throttle) {
        this.starter = new Thread(new Runnable() { // no lambda: its bootstrap costs start-up
            @Override
            public void run() {
                reconciler = build(o, tracker, json, throttle, false);
            }
        }, STARTER_NAME);
        this.starter.setDaemon(true);
    }

    /** The kernel watch; it has no reconciler when reconcile=false or the reconciler could not start (one line). */
    static KernelWatch startOrExplain(AgentOptions o, Tracker tracker, JsonLines json, LeakLogThrottle throttle,
                                      boolean attached) {
        if (!o.reconcile()) {
            AgentLog.log(Level.INFO, "ringwatch: reconcile=false: the kernel's view is off (no /proc reads): rings"
                    + " are tracked as the libraries report them, but closed rings still mapped, SQPOLL threads that"
                    + " outlived their ring, untracked rings, fds closed under slots, stalled releases and socket"
                    + " drift are not checked");
            return new KernelWatch(null);
        }
        if (attached) { // the adoption must be done before the attach returns: rings made after it are the app's
            return new KernelWatch(build(o, tracker, json, throttle, true));
        }
        KernelWatch watch = new KernelWatch(o, tracker, json, throttle);
        watch.starter.start();
        return watch;
    }

    /**
     * The reconciler's last rounds at exit, all within {@code budget}, including the wait for a start that is
     * still under way (a JVM that exits at once).
     */
    void finalRounds(Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        if (starter != null) {
            try {
                starter.join(Math.max(1, budget.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        Reconciler r = reconciler;
        long left = deadline - System.nanoTime();
        if (r != null && left > 0) {
            r.finalRounds(Duration.ofNanos(left));
        }
    }

    private static Reconciler build(AgentOptions o, Tracker tracker, JsonLines json, LeakLogThrottle throttle,
                                    boolean attached) {
        try {
            ReconcilerOptions ro = ReconcilerOptions.defaults()
                    .withPeriod(o.reconcilePeriod())
                    .withStallGrace(o.stallGrace())
                    .withDrift(ReconcilerOptions.defaults().driftRounds(), o.driftThreshold())
                    .withStatistics(false);
            Reconciler r = new Reconciler(new TrackerState(tracker), tracker.proc(),
                    new KernelAlerts(tracker, new LeakMessages(o), json, throttle), ro);
            if (attached) {
                // rings made before the attach: nobody can say who made them, so they are known, not leaks
                int adopted = r.adoptAllCurrent();
                AgentLog.log(Level.INFO, "ringwatch: attached; adopted " + adopted + " io_uring "
                        + (adopted == 1 ? "ring" : "rings") + " that existed before the attach (not reported as"
                        + " untracked; their leaks cannot be attributed)");
            }
            Events.kernelStatisticsFrom(r);
            r.start();
            return r;
        } catch (Throwable e) {
            Events.kernelStatisticsFrom(null);
            AgentLog.log(Level.WARNING, "ringwatch: the kernel reconciler did not start (" + e + "); rings and slots"
                    + " are still tracked, but the kernel-side rules (closed ring still mapped, untracked rings, fds"
                    + " closed under slots, stalled releases, socket drift) are off");
            return null;
        }
    }
}
