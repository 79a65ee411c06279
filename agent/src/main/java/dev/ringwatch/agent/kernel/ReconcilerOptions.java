package dev.ringwatch.agent.kernel;

import java.time.Duration;
import java.util.Objects;

/**
 * The reconciler's settings. Defaults suit a server: a round every 5 s costs a few /proc reads per ring.
 *
 * @param period         time between rounds
 * @param sqpollGraceMin least time a closed SQPOLL ring's thread may take to exit before it counts as
 *                       outliving the ring; the grace is {@code max(sqpollGraceMin, 2 x sq_thread_idle)}
 *                       (idle 0 = the kernel's 1 s) plus one period
 * @param stallGrace     time a released slot's tag CQE may take before the release counts as stalled
 * @param driftRounds    rounds in the socket-drift window
 * @param driftThreshold least rise of {@code sockets: used} over the window that our own sockets do not
 *                       explain, to report socket drift
 * @param confirmRounds  consecutive rounds a finding must hold before it is reported (races with a ring or
 *                       slot that is being set up or torn down settle within one round)
 * @param maxEntries     cap on the resources the reconciler remembers per kind (closed rings, rings it did
 *                       not make, pending confirmations); beyond it the oldest are forgotten and counted
 * @param statistics     register the periodic {@code RingStatistics} JFR event when started
 */
public record ReconcilerOptions(Duration period, Duration sqpollGraceMin, Duration stallGrace, int driftRounds,
                                long driftThreshold, int confirmRounds, int maxEntries, boolean statistics) {

    public ReconcilerOptions {
        positive(period, "period");
        notNegative(sqpollGraceMin, "sqpollGraceMin");
        notNegative(stallGrace, "stallGrace");
        if (driftRounds < 2) {
            throw new IllegalArgumentException("driftRounds must be >= 2 (a window has a start and an end), got "
                    + driftRounds);
        }
        if (driftThreshold < 1) {
            throw new IllegalArgumentException("driftThreshold must be >= 1, got " + driftThreshold);
        }
        if (confirmRounds < 1) {
            throw new IllegalArgumentException("confirmRounds must be >= 1, got " + confirmRounds);
        }
        if (maxEntries < 16) {
            throw new IllegalArgumentException("maxEntries must be >= 16, got " + maxEntries);
        }
    }

    public static ReconcilerOptions defaults() {
        return new ReconcilerOptions(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(10), 6, 64, 2,
                4096, true);
    }

    public ReconcilerOptions withPeriod(Duration d) {
        return new ReconcilerOptions(d, sqpollGraceMin, stallGrace, driftRounds, driftThreshold, confirmRounds,
                maxEntries, statistics);
    }

    public ReconcilerOptions withSqpollGraceMin(Duration d) {
        return new ReconcilerOptions(period, d, stallGrace, driftRounds, driftThreshold, confirmRounds, maxEntries,
                statistics);
    }

    public ReconcilerOptions withStallGrace(Duration d) {
        return new ReconcilerOptions(period, sqpollGraceMin, d, driftRounds, driftThreshold, confirmRounds,
                maxEntries, statistics);
    }

    public ReconcilerOptions withDrift(int rounds, long threshold) {
        return new ReconcilerOptions(period, sqpollGraceMin, stallGrace, rounds, threshold, confirmRounds,
                maxEntries, statistics);
    }

    public ReconcilerOptions withConfirmRounds(int n) {
        return new ReconcilerOptions(period, sqpollGraceMin, stallGrace, driftRounds, driftThreshold, n, maxEntries,
                statistics);
    }

    public ReconcilerOptions withMaxEntries(int n) {
        return new ReconcilerOptions(period, sqpollGraceMin, stallGrace, driftRounds, driftThreshold, confirmRounds,
                n, statistics);
    }

    public ReconcilerOptions withStatistics(boolean on) {
        return new ReconcilerOptions(period, sqpollGraceMin, stallGrace, driftRounds, driftThreshold, confirmRounds,
                maxEntries, on);
    }

    /** The grace a closed SQPOLL ring's thread gets with this {@code sq_thread_idle} (0 = kernel default). */
    public long sqpollGraceNanos(int sqThreadIdleMillis) {
        long idle = Duration.ofMillis(sqThreadIdleMillis <= 0 ? 1000 : sqThreadIdleMillis).toNanos();
        return Math.max(sqpollGraceMin.toNanos(), 2 * idle) + period.toNanos();
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, got " + d);
        }
    }

    private static void notNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + d);
        }
    }
}
