package dev.ringwatch.bench;

import dev.ringwatch.ring.IoUring;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * NOP throughput through ring-core, the same steps as bench/c/nop_bench.c ({@link NopRoundTrip}): queue a
 * batch of NOPs, submit them with one enter that waits for all of them, reap the completions. Scores are
 * NOPs per second (one JMH operation = one NOP), so they compare directly with the C program's output.
 * {@code -p ring=liburing} builds the ring liburing's defaults give the C program ({@link RingFlavor}).
 */
public class NopBenchmark extends ThroughputBenchmark {
    /** {@link RingFlavor}: defaults (ring-core's) or liburing (the C baseline's). */
    @Param(RingFlavor.DEFAULTS)
    public String ring;

    private IoUring uring;
    private NopRoundTrip batch32;
    private NopRoundTrip batch1;

    @Setup
    public void openRing() {
        uring = RingFlavor.builder(ring).entries(LoopBench.ENTRIES).build();
        batch32 = new NopRoundTrip(uring, 32);
        batch1 = new NopRoundTrip(uring, 1);
    }

    @TearDown
    public void closeRing() {
        uring.close();
    }

    @Benchmark
    @OperationsPerInvocation(32)
    public int batch32(CpuCounters cpu) {
        cpu.ops += 32;
        return batch32.roundTrip();
    }

    @Benchmark
    @OperationsPerInvocation(1)
    public int batch1(CpuCounters cpu) {
        cpu.ops++;
        return batch1.roundTrip();
    }
}
