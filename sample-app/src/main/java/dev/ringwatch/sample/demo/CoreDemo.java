package dev.ringwatch.sample.demo;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.Features;
import dev.ringwatch.ring.IoUring;
import dev.ringwatch.ring.SetupFlags;
import dev.ringwatch.sample.cli.Command;
import dev.ringwatch.sample.cli.ResultLine;
import dev.ringwatch.sample.cli.Options;
import dev.ringwatch.sample.cli.ParsedOptions;
import dev.ringwatch.sample.cli.UsageException;
import dev.ringwatch.sample.uring.Awaiter;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static dev.ringwatch.sample.uring.OperationFailedException.check;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;

/**
 * The first thing to run: a batch of NOPs, then a file opened, read and closed through io_uring, once
 * by fd and once through a fixed-file slot, with the kernel's confirmation that the slot let go.
 */
public final class CoreDemo extends Command {
    private static final int AT_FDCWD = -100, O_RDONLY = 0, O_CLOEXEC = 0x80000;
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int MAX_READ = 1 << 20;
    private static final long OPEN = 1_001, READ = 1_002, FIXED_READ = 1_003, CLOSE = 1_004;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    public CoreDemo() {
        super("core-demo",
                "submit a batch of NOPs and read a file through io_uring; prints each step",
                """
                Shows ring-core working on this kernel: sets up a ring, submits a batch of NOPs in one
                io_uring_enter and reaps their completions, then writes a small temporary file (or takes
                --file) and opens, reads and closes it with io_uring operations, once by fd and once through
                a fixed-file slot. Releasing the slot makes the kernel post a tag completion when it has
                really dropped the file; the demo waits for it. Nothing leaks.""");
    }

    @Override
    public Options options() {
        return new Options(name())
                .intOption("nops", "N", 8, 1, 4096, "NOPs in the batch")
                .stringOption("file", "PATH", null, "read this file instead of a temporary one it writes (first 1 MiB)");
    }

    @Override
    public int run(ParsedOptions o, PrintStream out) throws Exception {
        int nops = o.intValue("nops");
        String given = o.string("file");
        if (given != null && !(Files.isRegularFile(Path.of(given)) && Files.isReadable(Path.of(given)))) {
            throw new UsageException("option --file: '" + given + "' is not a readable regular file");
        }
        Path path = given != null ? Path.of(given) : writeTempFile();
        try (Arena arena = Arena.ofConfined();
             IoUring ring = IoUring.builder().entries(Math.max(8, nops)).build()) {
            out.printf("core-demo: io_uring through ring-core (Java FFM, no JNI), kernel %s%n", kernelRelease());
            out.printf("ring: fd %d, %d SQ entries, %d CQ entries, setup flags %s%n", ring.fd(), ring.sqEntries(),
                    ring.cqEntries(), SetupFlags.describe(ring.setupFlags()));
            out.printf("      kernel features %s%n", Features.describe(ring.features()));
            Awaiter io = new Awaiter(ring, TIMEOUT);

            long[] userData = new long[nops];
            for (int i = 0; i < nops; i++) {
                userData[i] = i + 1;
                ring.nextSqe().nop().userData(userData[i]);
            }
            int[] res = io.submitAndAwaitAll(userData);
            boolean nopsOk = Arrays.stream(res).allMatch(r -> r == 0);
            out.printf("1. NOPs: queued %d, submitted together, %d completions with user data 1..%d, %s%n", nops, nops,
                    nops, nopsOk ? "all res=0" : "results " + Arrays.toString(res));

            byte[] expected = readExpected(path);
            out.printf("2. file %s (%s)%n", path, given != null ? "given with --file" : "written by the demo with java.nio");
            ring.nextSqe().openat(AT_FDCWD, arena.allocateFrom(path.toString()), O_RDONLY | O_CLOEXEC, 0).userData(OPEN);
            int fd = check("openat " + path, io.submitAndAwait(OPEN));
            out.printf("   OPENAT through the ring: fd %d%n", fd);

            MemorySegment buf = arena.allocate(BUFFER_BYTES);
            byte[] data = readAll(ring, io, fd, buf);
            boolean same = Arrays.equals(data, expected);
            out.printf("   READ through the ring: %d bytes; same bytes as java.nio reads: %s%n", data.length, yesNo(same));
            out.printf("   first line: %s%n", firstLine(data));

            FileTable files = ring.registerFiles(4);
            FixedFile slot = files.register(fd, null);
            MemorySegment head = buf.asSlice(0, Math.min(BUFFER_BYTES, Math.max(1, expected.length)));
            ring.nextSqe().read(slot, head, 0).userData(FIXED_READ);
            int fixedBytes = check("read via fixed slot " + slot.slot(), io.submitAndAwait(FIXED_READ));
            boolean fixedSame = Arrays.equals(head.asSlice(0, fixedBytes).toArray(JAVA_BYTE),
                    Arrays.copyOf(expected, Math.min(expected.length, fixedBytes)));
            out.printf("   registered fd %d in fixed slot %d; READ through the slot: %d bytes, same: %s%n", fd,
                    slot.slot(), fixedBytes, yesNo(fixedSame));

            int[] dropped = {0};
            ring.addFileDropListener((table, s, tag) -> dropped[0]++);
            slot.close();
            boolean confirmed = io.awaitDropConfirmations(files, TIMEOUT) == 0 && dropped[0] == 1;
            out.printf("   released slot %d: %s%n", slot.slot(), confirmed
                    ? "the kernel confirmed dropping its file (resource-tag completion)"
                    : "NO confirmation from the kernel within " + TIMEOUT.toSeconds() + " s");

            ring.nextSqe().close(fd).userData(CLOSE);
            check("close fd " + fd, io.submitAndAwait(CLOSE));
            out.printf("   CLOSE through the ring: fd %d closed%n", fd);
            out.println("3. ring closed; nothing left open.");
            boolean ok = nopsOk && same && fixedSame && confirmed;
            out.println(new ResultLine(name()).add("nops", nops).add("nops_ok", nopsOk).add("bytes_read", data.length)
                    .add("content_matches", same).add("fixed_read_matches", fixedSame).add("drop_confirmed", confirmed)
                    .add("ok", ok));
            return ok ? 0 : 1;
        } finally {
            if (given == null) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Reads up to {@link #MAX_READ} bytes from offset 0 with READ operations. */
    private static byte[] readAll(IoUring ring, Awaiter io, int fd, MemorySegment buf) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        long offset = 0;
        while (offset < MAX_READ) {
            ring.nextSqe().read(fd, buf, offset).userData(READ);
            int n = check("read fd " + fd + " at offset " + offset, io.submitAndAwait(READ));
            if (n == 0) {
                break;
            }
            data.write(buf.asSlice(0, n).toArray(JAVA_BYTE), 0, n);
            offset += n;
        }
        byte[] all = data.toByteArray();
        return all.length > MAX_READ ? Arrays.copyOf(all, MAX_READ) : all;
    }

    private static byte[] readExpected(Path path) throws java.io.IOException {
        try (var in = Files.newInputStream(path)) {
            return in.readNBytes(MAX_READ);
        }
    }

    private static Path writeTempFile() throws java.io.IOException {
        Path p = Files.createTempFile("ringwatch-core-demo-", ".txt");
        Files.writeString(p, """
                Hello from ringwatch's core-demo: these bytes were read through io_uring.
                ring-core talks to the kernel with the Java FFM API: io_uring_setup, mmap, io_uring_enter.
                """);
        return p;
    }

    private static String firstLine(byte[] data) {
        String s = new String(data, 0, Math.min(data.length, 200), StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        return "\"" + (nl >= 0 ? s.substring(0, nl) : s) + "\"";
    }

    private static String kernelRelease() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
        } catch (java.io.IOException e) {
            return "(unknown)";
        }
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "NO";
    }
}
