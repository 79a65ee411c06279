package dev.ringwatch.agent.proc;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling for kernel state that changes asynchronously (a thread exiting after its ring dies). */
public final class Await {
    private Await() {
    }

    /** Polls {@code condition} every 10 ms until it holds or {@code limit} passes; returns whether it held. */
    public static boolean until(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
    }
}
