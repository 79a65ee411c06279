package dev.ringwatch.agent;

import dev.ringwatch.agent.log.AgentLog;
import dev.ringwatch.agent.alert.Events;
import dev.ringwatch.agent.alert.JsonLines;
import dev.ringwatch.agent.alert.KernelAlerts;
import dev.ringwatch.agent.alert.LeakLogThrottle;
import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.kernel.Reconciler;
import dev.ringwatch.agent.kernel.ReconcilerOptions;
import dev.ringwatch.agent.track.Tracker;
import dev.ringwatch.agent.track.TrackerState;

import java.lang.System.Logger.Level;

/**
 * Starts the kernel reconciler (option reconcile) on its daemon thread, its findings on the agent's reporting
 * path ({@link KernelAlerts}). The agent emits the one RingStatistics per period, so the reconciler is started
 * without its own. Whatever fails here is one log line: the tracker and the application run on.
 */
final class KernelWatch {
    private KernelWatch() {
    }

    /** The running reconciler, or null (disabled, or it could not start: said in one line). */
    static Reconciler startOrExplain(AgentOptions o, Tracker tracker, JsonLines json, LeakLogThrottle throttle,
                                     boolean attached) {
        if (!o.reconcile()) {
            AgentLog.log(Level.INFO, "ringwatch: reconcile=false: the kernel's view is off (no /proc reads): rings"
                    + " are tracked as the libraries report them, but closed rings still mapped, SQPOLL threads that"
                    + " outlived their ring, untracked rings, fds closed under slots, stalled releases and socket"
                    + " drift are not checked");
            return null;
        }
        try {
            ReconcilerOptions ro = ReconcilerOptions.defaults()
                    .withPeriod(o.reconcilePeriod())
                    .withStallGrace(o.stallGrace())
                    .withDrift(ReconcilerOptions.defaults().driftRounds(), o.driftThreshold())
                    .withStatistics(false);
            Reconciler r = new Reconciler(new TrackerState(tracker), tracker.proc(), new KernelAlerts(tracker, json, throttle),
                    ro);
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
