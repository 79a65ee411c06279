import dev.ringwatch.ring.Errno;
import dev.ringwatch.ring.IoUring;
import dev.ringwatch.ring.OpenFlags;
import dev.ringwatch.ring.Os;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

/** The package documentation's file copy; compiled and run by PackageExamplesTest. */
public final class FileCopy {
    // @start region="copy"
    private static final int DEPTH = 16;           // blocks in flight
    private static final int BLOCK = 64 * 1024;
    private static final long WRITE = 1L << 32;    // user data: buffer index, plus this bit for writes

    private final IoUring ring;
    private final int in;
    private final int out;
    private final MemorySegment[] buffers = new MemorySegment[DEPTH];
    private final long[] offsets = new long[DEPTH];
    private final int[] lengths = new int[DEPTH];
    private final int[] done = new int[DEPTH];     // bytes of the block read (then written) so far
    private final long size;
    private long nextOffset;
    private long written;

    /** Copies {@code from} to {@code to} with reads and writes of 64 KiB, 16 at a time; returns the bytes copied. */
    public static long copy(Path from, Path to) throws IOException {
        int in = Os.open(from.toString(), OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, 0);
        int out = Os.open(to.toString(), OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC | OpenFlags.O_CLOEXEC, 0644);
        try (IoUring ring = IoUring.builder().entries(2 * DEPTH).build(); Arena arena = Arena.ofConfined()) {
            return new FileCopy(ring, in, out, Files.size(from), arena).run();
        } finally {
            Os.close(in);
            Os.close(out);
        }
    }

    private FileCopy(IoUring ring, int in, int out, long size, Arena arena) {
        this.ring = ring;
        this.in = in;
        this.out = out;
        this.size = size;
        for (int i = 0; i < DEPTH; i++) {
            buffers[i] = arena.allocate(BLOCK, 4096);   // io_uring needs native memory
        }
    }

    private long run() {
        for (int b = 0; b < DEPTH && nextOffset < size; b++) {
            read(b);
        }
        while (written < size) {
            ring.submitAndWait(1);                 // returns how many SQEs the kernel took
            ring.forEachCompletion(this::completed);
        }
        return written;
    }

    private void read(int b) {
        offsets[b] = nextOffset;
        lengths[b] = (int) Math.min(BLOCK, size - nextOffset);
        done[b] = 0;
        nextOffset += lengths[b];
        ring.nextSqe().read(in, buffers[b].asSlice(0, lengths[b]), offsets[b]).userData(b);
    }

    private void completed(long userData, int res, int flags) {
        int b = (int) userData;
        boolean isWrite = (userData & WRITE) != 0;
        Errno.check(res, (isWrite ? "write" : "read") + " at offset " + (offsets[b] + done[b]));
        if (!isWrite && res == 0) {
            throw new IllegalStateException("the file shrank while it was copied");
        }
        done[b] += res;
        if (isWrite) {
            written += res;
        }
        if (done[b] < lengths[b]) {                // short read or write: go on with the rest
            MemorySegment rest = buffers[b].asSlice(done[b], lengths[b] - done[b]);
            long at = offsets[b] + done[b];
            if (isWrite) {
                ring.nextSqe().write(out, rest, at).userData(WRITE | b);
            } else {
                ring.nextSqe().read(in, rest, at).userData(b);
            }
        } else if (!isWrite) {                    // the block is in: write it out
            done[b] = 0;
            ring.nextSqe().write(out, buffers[b].asSlice(0, lengths[b]), offsets[b]).userData(WRITE | b);
        } else if (nextOffset < size) {           // the block is out: the buffer is free for the next one
            read(b);
        }
    }
    // @end
}
