package dev.ringwatch.bench;

import dev.ringwatch.ring.CompletionHandler;
import dev.ringwatch.ring.IoUring;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * NOP throughput through ring-core, the same steps as bench/c/nop_bench.c: queue a batch of NOPs,
 * submit them with one enter that waits for all of them, reap the completions. Scores are NOPs per
 * second (one JMH operation = one NOP), so they compare directly with the C program's output.
 */
public class NopBenchmark extends ThroughputBenchmark {
    private static final int ENTRIES = 64;

    private IoUring ring;
    private final CompletionHandler failOnError = (userData, res, flags) -> {
        if (res < 0) {
            throw new IllegalStateException("NOP " + userData + " completed with error " + res);
        }
    };

    @Setup
    public void openRing() {
        ring = IoUring.builder().entries(ENTRIES).build();
    }

    @TearDown
    public void closeRing() {
        ring.close();
    }

    @Benchmark
    @OperationsPerInvocation(32)
    public int batch32(CpuCounters cpu) {
        cpu.ops += 32;
        return roundTrip(32);
    }

    @Benchmark
    @OperationsPerInvocation(1)
    public int batch1(CpuCounters cpu) {
        cpu.ops++;
        return roundTrip(1);
    }

    private int roundTrip(int batch) {
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
