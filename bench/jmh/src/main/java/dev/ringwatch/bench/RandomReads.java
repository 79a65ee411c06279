package dev.ringwatch.bench;

import dev.ringwatch.ring.CompletionHandler;
import dev.ringwatch.ring.IoUring;
import dev.ringwatch.ring.IoUringBuilder;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The random-read workload, the same steps as bench/c/randread_bench.c: {@code qd} 4 KiB buffered reads
 * stay in flight, each with its own buffer; every completion is checked and replaced at once by a read
 * at a new random block. Shared by {@link RandomReadBenchmark} (JMH) and {@link LoopBench}.
 */
final class RandomReads implements AutoCloseable {
    static final int BLOCK = 4096;

    private final IoUring ring;
    private final int fd;
    private final int qd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment[] buffers;
    private final long blocks;
    private long rng = 0x9E3779B97F4A7C15L;
    private final CompletionHandler refill = (userData, res, flags) -> {
        if (res != BLOCK) {
            throw new IllegalStateException("read into buffer " + userData + " returned " + res + ", wanted " + BLOCK);
        }
        queueRead((int) userData);
    };

    RandomReads(Path path, int qd, IoUringBuilder ringBuilder) throws IOException {
        this.qd = qd;
        blocks = Files.size(path) / BLOCK;
        if (blocks == 0) {
            throw new IllegalArgumentException(path + " is smaller than one " + BLOCK + "-byte block");
        }
        fd = PosixFiles.openReadOnly(path);
        MemorySegment all = arena.allocate((long) qd * BLOCK, 4096);
        buffers = new MemorySegment[qd];
        for (int i = 0; i < qd; i++) {
            buffers[i] = all.asSlice((long) i * BLOCK, BLOCK);
        }
        ring = ringBuilder.entries(LoopBench.ENTRIES).build();
        for (int slot = 0; slot < qd; slot++) {
            queueRead(slot);
        }
    }

    /** One enter that submits the refills and waits for at least one read, then the reap; returns reads completed. */
    int step() {
        ring.submitAndWait(1);
        return ring.forEachCompletion(refill);
    }

    /** Lets every read still queued or in flight finish, so no kernel write lands in a freed buffer. */
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

    /** xorshift64, the generator bench/c/randread_bench.c uses. */
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
            drain();
        } finally {
            try {
                ring.close();
            } finally {
                PosixFiles.close(fd);
                arena.close();
            }
        }
    }
}
