package dev.ringwatch.agent.jmx;

import dev.ringwatch.agent.log.AgentLog;
import dev.ringwatch.agent.track.Tracker;

import javax.management.MBeanServerFactory;
import java.lang.System.Logger.Level;

/**
 * Registers the tracker's MBean without making start-up pay for JMX: as soon as something else has
 * created the platform MBean server (a JMX agent, the application, a monitoring attach), or after
 * {@value #REGISTER_ANYWAY_AFTER_MILLIS} ms since the agent started, whichever comes first. Creating the platform
 * server costs about a hundred milliseconds of CPU, which a short-lived JVM should not spend on us.
 * Runs on the tracker's thread, about once a second.
 */
public final class DeferredRegistration implements Runnable {
    static final long REGISTER_ANYWAY_AFTER_MILLIS = 10_000;

    private final Tracker tracker;
    private final long startNanos = System.nanoTime();
    private boolean done;

    public DeferredRegistration(Tracker tracker) {
        this.tracker = tracker;
    }

    @Override
    public void run() {
        if (done) {
            return;
        }
        String problem;
        try {
            boolean serverExists = !MBeanServerFactory.findMBeanServer(null).isEmpty();
            if (!serverExists && (System.nanoTime() - startNanos) / 1_000_000 < REGISTER_ANYWAY_AFTER_MILLIS) {
                return;
            }
            problem = TrackerMBean.register(tracker);
        } catch (LinkageError noJmx) {
            problem = "this JVM has no java.management (" + noJmx + ")";
        }
        done = true;
        if (problem != null) {
            AgentLog.log(Level.WARNING, "ringwatch: MBean " + TrackerMBean.OBJECT_NAME + " not registered: " + problem);
        }
    }
}
