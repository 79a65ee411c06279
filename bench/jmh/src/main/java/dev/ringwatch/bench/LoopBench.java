package dev.ringwatch.bench;

import dev.ringwatch.ring.IoUring;
import java.io.IOException;
import java.nio.file.Path;

/**
 * ring-core's benchmarks as the plain Java program a user would write (no JMH): a method per batch,
 * called from a timed loop ({@link PlainLoop}), the same steps as bench/c/nop_bench.c and
 * bench/c/randread_bench.c, and the same output lines, so bench/run.sh reads it like the C programs.
 *
 * <pre>
 *   java --enable-native-access=ALL-UNNAMED -cp bench/jmh/target/benchmarks.jar dev.ringwatch.bench.LoopBench \
 *       nop --batch 32 [--ring defaults|liburing] [--warmup 2] [--duration 5]
 *   ... LoopBench randread --file PATH [--qd 32] [--ring ...] [--warmup 2] [--duration 5]
 *   ... LoopBench rawnop --batch 32 [--warmup 2] [--duration 5]
 * </pre>
 * {@code --ring} as in {@link RingFlavor}; {@code rawnop} is the NOP loop without ring-core ({@link RawNopLoop}).
 */
public final class LoopBench {
    static final int ENTRIES = 64;

    private LoopBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            usage("missing workload");
        }
        String workload = args[0];
        int batch = 32;
        int qd = 32;
        String file = null;
        String flavor = RingFlavor.DEFAULTS;
        double warmup = 2;
        double duration = 5;
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                usage(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--batch" -> batch = Integer.parseInt(value);
                case "--qd" -> qd = Integer.parseInt(value);
                case "--file" -> file = value;
                case "--ring" -> flavor = value;
                case "--warmup" -> warmup = Double.parseDouble(value);
                case "--duration" -> duration = Double.parseDouble(value);
                default -> usage("unknown option " + args[i]);
            }
            i++;
        }
        switch (workload) {
            case "nop" -> {
                try (IoUring ring = RingFlavor.builder(flavor).entries(ENTRIES).build()) {
                    NopRoundTrip nop = new NopRoundTrip(ring, batch);
                    PlainLoop.measure(nop::roundTrip, warmup, duration).print("nop_batch" + batch);
                }
            }
            case "rawnop" -> {
                try (RawNopLoop raw = new RawNopLoop(ENTRIES, batch)) {
                    PlainLoop.measure(raw::roundTrip, warmup, duration).print("nop_batch" + batch);
                }
            }
            case "randread" -> {
                if (file == null) {
                    usage("randread needs --file PATH");
                }
                try (RandomReads reads = new RandomReads(Path.of(file), qd, RingFlavor.builder(flavor))) {
                    PlainLoop.measure(reads::step, warmup, duration).print("randread_qd" + qd);
                }
            }
            default -> usage("unknown workload " + workload);
        }
    }

    private static void usage(String problem) {
        System.err.println("LoopBench: " + problem + "\nusage: LoopBench nop --batch N | rawnop --batch N | randread --file PATH [--qd N]"
                + " [--ring " + RingFlavor.NAMES + "] [--warmup S] [--duration S]");
        System.exit(2);
    }
}
