package dev.ringwatch.programs;

import dev.ringwatch.ring.IoUring;

/**
 * For start-up failure tests: does some ring work, drops one ring, gives the GC a moment and says it
 * ran. Does not depend on the agent being there.
 */
public final class AppRuns {
    public static void main(String[] args) {
        try (IoUring ring = IoUring.builder().entries(8).build()) {
            ring.nextSqe().nop().userData(1);
            ring.submitAndWait(1);
            Child.print("COMPLETIONS", ring.forEachCompletion((ud, res, flags) -> { }));
        }
        IoUring.builder().entries(4).build();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Child.sleep(50);
        }
        Child.print("APP", "ran");
    }
}
