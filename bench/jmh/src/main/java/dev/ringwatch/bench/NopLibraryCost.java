package dev.ringwatch.bench;

import dev.ringwatch.ring.IoUring;
import java.util.Arrays;

/**
 * What ring-core costs over a loop with no library, measured inside one JVM: phases of
 * {@link RawNopLoop} and of ring-core's {@link NopRoundTrip} (liburing's flags) alternate, each phase
 * in its own method so each is compiled as a user's loop would be, and the result is the median
 * (and quartiles) of the per-pair ratios. Two JVMs differ by more than this (JIT outcome, heap layout,
 * other load), so this is the measure to judge a ring-core change by.
 *
 * <pre>
 *   java --enable-native-access=ALL-UNNAMED -cp bench/jmh/target/benchmarks.jar dev.ringwatch.bench.NopLibraryCost 32
 * </pre>
 * prints {@code nop_batch32_ringcore_per_raw <median> <q1> <q3>}.
 */
public final class NopLibraryCost {
    private static final int PAIRS = 15, WARMUP_PAIRS = 8;
    private static final long PHASE_NS = 200_000_000L;

    private NopLibraryCost() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        try (RawNopLoop raw = new RawNopLoop(LoopBench.ENTRIES, batch);
             IoUring ring = RingFlavor.builder(RingFlavor.LIBURING).entries(LoopBench.ENTRIES).build()) {
            NopRoundTrip ringCore = new NopRoundTrip(ring, batch);
            for (int i = 0; i < WARMUP_PAIRS; i++) {
                rawPhase(raw);
                ringCorePhase(ringCore);
            }
            double[] ratios = new double[PAIRS];
            for (int i = 0; i < PAIRS; i++) {
                double r = rawPhase(raw);
                ratios[i] = ringCorePhase(ringCore) / r;
            }
            Arrays.sort(ratios);
            System.out.printf("nop_batch%d_ringcore_per_raw %.4f %.4f %.4f%n", batch, ratios[PAIRS / 2], ratios[PAIRS / 4],
                    ratios[3 * PAIRS / 4]);
        }
    }

    // Two loops, not one loop over an interface: each must be compiled alone, as a user's loop is.
    private static double rawPhase(RawNopLoop raw) {
        long ops = 0, start = System.nanoTime(), now;
        do {
            ops += raw.roundTrip() + raw.roundTrip() + raw.roundTrip() + raw.roundTrip();
        } while ((now = System.nanoTime()) - start < PHASE_NS);
        return ops * 1e9 / (now - start);
    }

    private static double ringCorePhase(NopRoundTrip ringCore) {
        long ops = 0, start = System.nanoTime(), now;
        do {
            ops += ringCore.roundTrip() + ringCore.roundTrip() + ringCore.roundTrip() + ringCore.roundTrip();
        } while ((now = System.nanoTime()) - start < PHASE_NS);
        return ops * 1e9 / (now - start);
    }
}
