package dev.ringwatch.agent.kernel;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling for kernel state that changes on its own (a SQPOLL thread starting or exiting). */
final class Await {
    private Await() {
    }

    static boolean until(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
        return true;
    }
}
