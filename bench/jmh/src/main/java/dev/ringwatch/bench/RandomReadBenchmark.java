package dev.ringwatch.bench;

import dev.ringwatch.ring.CompletionHandler;
import dev.ringwatch.ring.IoUring;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 4 KiB random buffered reads at queue depth 32 through ring-core, the same steps as
 * bench/c/randread_bench.c: 32 reads stay in flight, each with its own buffer; every completion is
 * checked and replaced at once by a read at a new random block. One JMH operation = one read.
 * The file (ideally page-cached, e.g. 1 GiB read once) comes from {@code -p file=PATH}.
 */
public class RandomReadBenchmark extends ThroughputBenchmark {
    private static final int QUEUE_DEPTH = 32;
    private static final int BLOCK = 4096;
    private static final int ENTRIES = 64;

    /** The file to read; required (run with -p file=PATH). */
    @Param("")
    public String file;

    private IoUring ring;
    private int fd = -1;
    private Arena arena;
    private MemorySegment[] buffers;
    private long blocks;
    private long rng = 0x9E3779B97F4A7C15L;
    // reads still to complete before the current invocation's 32 are done; negative = surplus
    private int owed;

    private final CompletionHandler refill = (userData, res, flags) -> {
        if (res != BLOCK) {
            throw new IllegalStateException("read into buffer " + userData + " returned " + res + ", wanted " + BLOCK);
        }
        queueRead((int) userData);
    };

    @Setup
    public void open() throws IOException {
        if (file == null || file.isEmpty()) {
            throw new IllegalArgumentException("RandomReadBenchmark needs a file: run with -p file=PATH");
        }
        Path path = Path.of(file);
        blocks = Files.size(path) / BLOCK;
        if (blocks == 0) {
            throw new IllegalArgumentException(path + " is smaller than one " + BLOCK + "-byte block");
        }
        fd = PosixFiles.openReadOnly(path);
        arena = Arena.ofShared();
        MemorySegment all = arena.allocate((long) QUEUE_DEPTH * BLOCK, 4096);
        buffers = new MemorySegment[QUEUE_DEPTH];
        for (int i = 0; i < QUEUE_DEPTH; i++) {
            buffers[i] = all.asSlice((long) i * BLOCK, BLOCK);
        }
        ring = IoUring.builder().entries(ENTRIES).build();
        for (int slot = 0; slot < QUEUE_DEPTH; slot++) {
            queueRead(slot);
        }
    }

    @Benchmark
    @OperationsPerInvocation(QUEUE_DEPTH)
    public int qd32(CpuCounters cpu) {
        cpu.ops += QUEUE_DEPTH;
        int need = QUEUE_DEPTH + owed;
        while (need > 0) {
            ring.submitAndWait(1);
            need -= ring.forEachCompletion(refill);
        }
        owed = need;
        return need;
    }

    @TearDown
    public void close() throws IOException {
        try {
            drain();
        } finally {
            ring.close();
            PosixFiles.close(fd);
            arena.close();
        }
    }

    /** Lets every read still queued or in flight finish, so no kernel write lands in a freed buffer. */
    private void drain() {
        int inFlight = QUEUE_DEPTH;
        CompletionHandler count = (userData, res, flags) -> { };
        while (inFlight > 0) {
            ring.submitAndWait(1);
            inFlight -= ring.forEachCompletion(count);
        }
    }

    private void queueRead(int slot) {
        ring.nextSqe().read(fd, buffers[slot], nextBlock() * BLOCK).userData(slot);
    }

    /** xorshift64, the generator bench/c/randread_bench.c uses. */
    private long nextBlock() {
        long x = rng;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        rng = x;
        return (x >>> 1) % blocks;
    }
}
