package dev.ringwatch.jmc.programs;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** Waits, bounded, for the agent's MBean to count what a program did; GC runs meanwhile so leaks are found. */
final class AgentCounters {
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private AgentCounters() {
    }

    /** Waits until the agent's tracker counts at least these leaks; fails the program (exit 1) otherwise. */
    static void awaitLeaks(long ringLeaks, long slotLeaks) throws InterruptedException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer(); // lets the agent register at once
        long deadline = System.nanoTime() + WAIT_NANOS;
        long rings = -1;
        long slots = -1;
        while (System.nanoTime() < deadline) {
            System.gc();
            try {
                ObjectName tracker = new ObjectName("dev.ringwatch:type=Tracker");
                if (server.isRegistered(tracker)) {
                    rings = (Long) server.getAttribute(tracker, "RingLeaks");
                    slots = (Long) server.getAttribute(tracker, "SlotLeaks");
                    if (rings >= ringLeaks && slots >= slotLeaks) {
                        return;
                    }
                }
            } catch (JMException e) {
                throw new IllegalStateException(e);
            }
            Thread.sleep(100);
        }
        System.err.println("the agent counted " + rings + " ring and " + slots + " slot leaks, expected "
                + ringLeaks + " and " + slotLeaks);
        System.exit(1);
    }
}
