package dev.ringwatch.bench;

import dev.ringwatch.ring.CompletionHandler;
import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One fixed-file slot's whole life through ring-core: register an fd in the lowest free slot, release
 * the slot, and reap the kernel's drop confirmation (the resource-tag completion). These are exactly
 * the calls the ringwatch agent instruments (registration, release, drop confirmation), so running
 * this with and without {@code -javaagent} measures the agent's cost per slot. Scores are slot
 * lifecycles per second.
 */
public class SlotBenchmark extends ThroughputBenchmark {
    private static final int SLOTS = 64;
    /** More unconfirmed drops than this means the benchmark is not in a steady state. */
    private static final int MAX_AWAITING_DROP = SLOTS;

    private Path file;
    private int fd = -1;
    private IoUring ring;
    private FileTable files;
    private final CompletionHandler noOtherCompletions = (userData, res, flags) -> {
        throw new IllegalStateException("unexpected completion " + userData + " (res " + res + ")");
    };

    @Setup
    public void open() throws IOException {
        file = Files.createTempFile("ringwatch-slot-bench", ".dat");
        fd = PosixFiles.openReadOnly(file);
        ring = IoUring.builder().entries(64).build();
        files = ring.registerFiles(SLOTS);
    }

    @TearDown
    public void close() throws IOException {
        if (ring != null) {
            ring.close();
        }
        if (fd >= 0) {
            PosixFiles.close(fd);
        }
        Files.deleteIfExists(file);
    }

    /** Drop confirmations must keep up, or the score would hide a growing backlog. */
    @TearDown(Level.Iteration)
    public void checkSteadyState() {
        int awaiting = files.awaitingDrop();
        if (awaiting > MAX_AWAITING_DROP || files.occupied() != 0) {
            throw new IllegalStateException("not a steady state: " + awaiting + " drops unconfirmed, "
                    + files.occupied() + " slots occupied");
        }
    }

    @Benchmark
    public int registerRelease(CpuCounters cpu) {
        cpu.ops++;
        FixedFile slot = files.register(fd, null);
        slot.close();
        // the tag completion is routed to the table (and the agent's confirmation hook), not to the handler
        return ring.forEachCompletion(noOtherCompletions) + slot.slot();
    }
}
