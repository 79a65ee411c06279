package dev.ringwatch.bench;

import java.io.IOException;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 4 KiB random buffered reads at queue depth 32 through ring-core, the same steps as
 * bench/c/randread_bench.c ({@link RandomReads}). One JMH operation = one read. The file (ideally
 * page-cached, e.g. 1 GiB read once) comes from {@code -p file=PATH}; {@code -p ring=liburing} builds the
 * ring liburing's defaults give the C program ({@link RingFlavor}).
 */
public class RandomReadBenchmark extends ThroughputBenchmark {
    private static final int QUEUE_DEPTH = 32;

    /** The file to read; required (run with -p file=PATH). */
    @Param("")
    public String file;

    /** {@link RingFlavor}: defaults (ring-core's) or liburing (the C baseline's). */
    @Param(RingFlavor.DEFAULTS)
    public String ring;

    private RandomReads reads;
    // reads still to complete before the current invocation's 32 are done; negative = surplus
    private int owed;

    @Setup
    public void open() throws IOException {
        if (file == null || file.isEmpty()) {
            throw new IllegalArgumentException("RandomReadBenchmark needs a file: run with -p file=PATH");
        }
        reads = new RandomReads(Path.of(file), QUEUE_DEPTH, RingFlavor.builder(ring));
    }

    @Benchmark
    @OperationsPerInvocation(QUEUE_DEPTH)
    public int qd32(CpuCounters cpu) {
        cpu.ops += QUEUE_DEPTH;
        int need = QUEUE_DEPTH + owed;
        while (need > 0) {
            need -= reads.step();
        }
        owed = need;
        return need;
    }

    @TearDown
    public void close() throws IOException {
        reads.close();
    }
}
