package dev.ringwatch.bench;

import dev.ringwatch.ring.CompletionHandler;
import dev.ringwatch.ring.IoUring;

/**
 * The NOP workload, the same steps as bench/c/nop_bench.c: queue a batch of NOPs, submit them with one
 * enter that waits for all of them, reap. Shared by {@link NopBenchmark} (JMH) and {@link LoopBench}.
 */
final class NopRoundTrip {
    private final IoUring ring;
    private final int batch;
    private final CompletionHandler failOnError = (userData, res, flags) -> {
        if (res < 0) {
            throw new IllegalStateException("NOP " + userData + " completed with error " + res);
        }
    };

    NopRoundTrip(IoUring ring, int batch) {
        this.ring = ring;
        this.batch = batch;
    }

    /** One batch; returns the NOPs completed. */
    int roundTrip() {
        for (int i = 0; i < batch; i++) {
            ring.nextSqe().nop().userData(i);
        }
        ring.submitAndWait(batch);
        int seen = ring.forEachCompletion(failOnError);
        while (seen < batch) {
            // NOPs complete inside the enter, so this only runs if the kernel ever defers them
            ring.submitAndWait(batch - seen);
            seen += ring.forEachCompletion(failOnError);
        }
        return seen;
    }
}
