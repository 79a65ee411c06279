package dev.ringwatch.bench;

import dev.ringwatch.ring.CompletionHandler;
import dev.ringwatch.ring.IoUring;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
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
 * </pre>
 * {@code --ring} as in {@link RingFlavor}.
 */
public final class LoopBench {
    private static final int ENTRIES = 64;

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
                    Nop nop = new Nop(ring, batch);
                    PlainLoop.measure(nop::roundTrip, warmup, duration).print("nop_batch" + batch);
                }
            }
            case "randread" -> {
                if (file == null) {
                    usage("randread needs --file PATH");
                }
                try (RandomRead reads = new RandomRead(Path.of(file), qd, flavor)) {
                    PlainLoop.Rate rate = PlainLoop.measure(reads::step, warmup, duration);
                    reads.drain();
                    rate.print("randread_qd" + qd);
                }
            }
            default -> usage("unknown workload " + workload);
        }
    }

    private static void usage(String problem) {
        System.err.println("LoopBench: " + problem + "\nusage: LoopBench nop --batch N | randread --file PATH [--qd N]"
                + " [--ring " + RingFlavor.NAMES + "] [--warmup S] [--duration S]");
        System.exit(2);
    }

    /** Queue a batch of NOPs, submit them with one enter that waits for all of them, reap. */
    static final class Nop {
        private final IoUring ring;
        private final int batch;
        private final CompletionHandler failOnError = (userData, res, flags) -> {
            if (res < 0) {
                throw new IllegalStateException("NOP " + userData + " completed with error " + res);
            }
        };

        Nop(IoUring ring, int batch) {
            this.ring = ring;
            this.batch = batch;
        }

        int roundTrip() {
            for (int i = 0; i < batch; i++) {
                ring.nextSqe().nop().userData(i);
            }
            ring.submitAndWait(batch);
            int seen = ring.forEachCompletion(failOnError);
            while (seen < batch) {
                ring.submitAndWait(batch - seen);
                seen += ring.forEachCompletion(failOnError);
            }
            return seen;
        }
    }

    /** {@code qd} 4 KiB reads in flight, each completion checked and replaced by a read at a new random block. */
    static final class RandomRead implements AutoCloseable {
        private static final int BLOCK = 4096;
        private final IoUring ring;
        private final int fd;
        private final int qd;
        private final Arena arena = Arena.ofShared();
        private final MemorySegment[] buffers;
        private final long blocks;
        private long rng = 0x9E3779B97F4A7C15L;
        private final CompletionHandler refill = (userData, res, flags) -> {
            if (res != BLOCK) {
                throw new IllegalStateException("read into buffer " + userData + " returned " + res);
            }
            queueRead((int) userData);
        };

        RandomRead(Path path, int qd, String flavor) throws IOException {
            this.qd = qd;
            blocks = Files.size(path) / BLOCK;
            fd = PosixFiles.openReadOnly(path);
            MemorySegment all = arena.allocate((long) qd * BLOCK, 4096);
            buffers = new MemorySegment[qd];
            for (int i = 0; i < qd; i++) {
                buffers[i] = all.asSlice((long) i * BLOCK, BLOCK);
            }
            ring = RingFlavor.builder(flavor).entries(ENTRIES).build();
            for (int slot = 0; slot < qd; slot++) {
                queueRead(slot);
            }
        }

        /** One enter that submits the refills and waits for at least one read, then the reap. */
        int step() {
            ring.submitAndWait(1);
            return ring.forEachCompletion(refill);
        }

        /** Lets every read still in flight finish before the buffers go. */
        void drain() {
            int inFlight = qd;
            CompletionHandler count = (userData, res, flags) -> { };
            while (inFlight > 0) {
                ring.submitAndWait(1);
                inFlight -= ring.forEachCompletion(count);
            }
        }

        private void queueRead(int slot) {
            ring.nextSqe().read(fd, buffers[slot], nextBlock() * BLOCK).userData(slot);
        }

        private long nextBlock() {
            long x = rng;
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            rng = x;
            return (x >>> 1) % blocks;
        }

        @Override
        public void close() throws IOException {
            try {
                ring.close();
            } finally {
                PosixFiles.close(fd);
                arena.close();
            }
        }
    }
}
