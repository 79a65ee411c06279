package dev.ringwatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Per-iteration CPU time of the benchmark thread and the operations it completed, reported by JMH
 * as the secondary metrics {@code cpuNanos} and {@code ops}. Operations per CPU-second are far less
 * disturbed by other load on a shared machine than wall-clock throughput; the C baselines report
 * the same figure (CLOCK_THREAD_CPUTIME_ID), so bench/run.sh can compare both ways.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuCounters {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Thread CPU time (user + kernel) of the iteration, in nanoseconds. */
    public long cpuNanos;
    /** Operations completed in the iteration. */
    public long ops;
    private long startNanos;

    @Setup(Level.Iteration)
    public void start() {
        ops = 0;
        cpuNanos = 0;
        startNanos = THREADS.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void stop() {
        cpuNanos = THREADS.getCurrentThreadCpuTime() - startNanos;
    }
}
