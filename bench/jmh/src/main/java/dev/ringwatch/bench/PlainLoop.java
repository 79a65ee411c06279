package dev.ringwatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The timed driver of the plain-Java benchmarks, the twin of bench/c/bench_common.h: a warm-up phase
 * of the same work, then a measured phase, each run as steps with the clock read every 16 steps; the
 * rates are operations per second of wall-clock time and of this thread's CPU time. No JMH: this is
 * the loop a user writes, so the JIT sees what it sees in an application (a method per batch, called
 * from a loop), not JMH's harness.
 */
final class PlainLoop {
    /** One batch of io_uring work; returns how many operations completed in it. */
    interface Step {
        int run();
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PlainLoop() {
    }

    /** Operations per second of wall-clock time and of this thread's CPU time, of the measured phase. */
    record Rate(double opsPerSecond, double opsPerCpuSecond) {
        void print(String prefix) {
            System.out.printf("%s_ops_per_s %.0f%n%s_ops_per_cpu_s %.0f%n", prefix, opsPerSecond, prefix, opsPerCpuSecond);
        }
    }

    static Rate measure(Step step, double warmupSeconds, double seconds) {
        if (warmupSeconds > 0) {
            runPhase(step, warmupSeconds, new long[1]);
        }
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long[] elapsed = new long[1];
        long ops = runPhase(step, seconds, elapsed);
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        return new Rate(ops * 1e9 / elapsed[0], cpu > 0 ? ops * 1e9 / cpu : 0);
    }

    private static long runPhase(Step step, double seconds, long[] elapsed) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long ops = 0;
        long now;
        while (true) {
            for (int i = 0; i < 16; i++) {
                ops += step.run();
            }
            now = System.nanoTime();
            if (now - end >= 0) {
                break;
            }
        }
        elapsed[0] = now - start;
        return ops;
    }
}
