package dev.ringwatch.agent.proc;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static dev.ringwatch.agent.proc.FdInfoSamples.KERNEL_5_15;
import static dev.ringwatch.agent.proc.FdInfoSamples.KERNEL_6_18;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * fdinfo formats this kernel cannot produce on demand (older kernels, a busy ring lock, garbage), from an
 * injected /proc root.
 */
class FdInfoReaderInjectedTest {
    /** {@link FdInfoSamples#KERNEL_5_15}'s ring read while its lock was busy. */
    static final String KERNEL_5_15_LOCK_BUSY = FdInfoSamples.lockBusy(KERNEL_5_15);

    @TempDir
    Path dir;
    FakeProc fake;
    final AtomicInteger pauses = new AtomicInteger();

    @BeforeEach
    void setUp() {
        fake = new FakeProc(dir);
    }

    private FdInfoReader reader(FdInfoReader.Pause pause) {
        return new FdInfoReader(fake.procRoot(), FdInfoReader.DEFAULT_ATTEMPTS, attempt -> {
            pauses.incrementAndGet();
            pause.pause(attempt);
        });
    }

    private FdInfoReader reader() {
        return reader(attempt -> { });
    }

    private ProcError error(ProcResult<?> r) {
        ProcError e = r.errorOrNull();
        assertTrue(e != null, "expected an error, got " + r);
        return e;
    }

    @Test
    void kernel618Sample_injectedProcRoot() {
        fake.ring(5, KERNEL_6_18);
        RingFdInfo info = reader().read(5).orElseThrow();
        assertEquals(5, info.fd());
        assertEquals(8252, info.ino());
        assertEquals(02000002, info.fileFlags());
        assertEquals(17, info.mntId());
        assertEquals(64, info.indexes().sqEntries());
        assertEquals(128, info.indexes().cqEntries());
        assertEquals(4043, info.sqThread());
        assertEquals(0, info.sqThreadCpu());
        assertEquals(0, info.sqTotalTime());
        assertEquals(8, info.files().size());
        assertTrue(info.files().listed());
        assertEquals(List.of(new RingFdInfo.FileSlot(2, "socket:[8253]"), new RingFdInfo.FileSlot(5, "/etc/hostname")),
                info.files().occupied());
        assertEquals(8253, info.files().slot(2).socketInode());
        assertEquals(-1, info.files().slot(5).socketInode());
        assertEquals(4, info.buffers().size());
        assertTrue(info.buffers().listed());
        assertTrue(info.buffers().occupied().isEmpty());
        assertEquals(0, pauses.get());
    }

    @Test
    void oldKernelNoneLinesListEverySlot_injectedProcRoot() {
        fake.kernel("5.15.0-91-generic").ring(7, KERNEL_5_15);
        RingFdInfo info = reader().read(7).orElseThrow();
        assertEquals(4, info.files().size());
        assertTrue(info.files().listed());
        assertEquals(List.of(new RingFdInfo.FileSlot(1, "TCP"), new RingFdInfo.FileSlot(3, "hostname")),
                info.files().occupied());
        assertNull(info.files().slot(0), "<none> is an empty slot, not a file named <none>");
        assertEquals(-1, info.files().slot(1).socketInode(), "old kernels name no socket inode");
        assertEquals(List.of(new RingFdInfo.BufferSlot(0, 0x7f3a10000000L, 4096)), info.buffers().occupied());
        assertEquals(1, info.indexes().cqesPending());
        assertEquals(-1, info.sqTotalTime(), "key not printed by this kernel");
    }

    @Test
    void oldKernelBusyLockReadsAgainUntilSlotsAreListed_injectedProcRoot() {
        fake.kernel("5.15.0").ring(7, KERNEL_5_15_LOCK_BUSY);
        RingFdInfo info = reader(attempt -> fake.fdinfo(7, KERNEL_5_15)).read(7).orElseThrow();
        assertEquals(1, pauses.get());
        assertTrue(info.files().listed());
        assertEquals(812, info.sqThread());
        assertEquals(2, info.files().occupied().size());
    }

    @Test
    void oldKernelLockBusyOnEveryReadIsUnlistedNotEmpty_injectedProcRoot() {
        fake.kernel("5.15.0").ring(7, KERNEL_5_15_LOCK_BUSY);
        RingFdInfo info = reader().read(7).orElseThrow();
        assertEquals(FdInfoReader.DEFAULT_ATTEMPTS - 1, pauses.get());
        assertEquals(4, info.files().size());
        assertFalse(info.files().listed(), "no slot lines under a busy lock must not read as 'no slots'");
    }

    @Test
    void oldKernelEmptyTableWithListedBuffersIsListed_injectedProcRoot() {
        // No file lines, but the buffer table (printed under the same lock) is there: the lock was held.
        fake.kernel("6.6.0").ring(7, KERNEL_5_15_LOCK_BUSY.replace("UserBufs:\t1\n", "UserBufs:\t1\n    0: <none>\n"));
        RingFdInfo info = reader().read(7).orElseThrow();
        assertTrue(info.files().listed());
        assertTrue(info.files().occupied().isEmpty());
        assertEquals(0, pauses.get());
    }

    @Test
    void newKernelEmptyFileThenContentOnRetry_injectedProcRoot() {
        fake.ring(5, "");
        RingFdInfo info = reader(attempt -> fake.fdinfo(5, KERNEL_6_18)).read(5).orElseThrow();
        assertEquals(1, pauses.get());
        assertEquals(2, info.files().occupied().size());
    }

    @Test
    void newKernelHeaderOnlyThenContentOnRetry_injectedProcRoot() {
        // What 6.15+ really prints while the lock is busy: the generic header, no ring section.
        fake.ring(5, FakeProc.header(8252));
        RingFdInfo info = reader(attempt -> {
            if (attempt == 2) {
                fake.fdinfo(5, KERNEL_6_18);
            }
        }).read(5).orElseThrow();
        assertEquals(2, pauses.get());
        assertEquals(8252, info.ino());
    }

    @Test
    void newKernelLockBusyOnEveryReadIsBusy_injectedProcRoot() {
        fake.ring(5, FakeProc.header(8252));
        ProcError e = error(reader().read(5));
        assertEquals(ProcError.Kind.BUSY, e.kind());
        assertEquals(FdInfoReader.DEFAULT_ATTEMPTS - 1, pauses.get());
        assertTrue(e.file().endsWith("self/fdinfo/5"), e.toString());
    }

    @Test
    void newKernelEmptyTableIsListedWithoutRetry_injectedProcRoot() {
        fake.ring(5, KERNEL_6_18.replace("    2: socket:[8253]\n    5: /etc/hostname\n", "")
                .replace("UserBufs:\t4\n    0: <none>\n    1: <none>\n    2: <none>\n    3: <none>\n", "UserBufs:\t0\n"));
        RingFdInfo info = reader().read(5).orElseThrow();
        assertTrue(info.files().listed(), "6.15+ prints the section whole or not at all");
        assertTrue(info.files().occupied().isEmpty());
        assertEquals(8, info.files().size());
        assertEquals(0, pauses.get());
    }

    @Test
    void interruptedPauseStopsRetrying_injectedProcRoot() {
        fake.ring(5, FakeProc.header(1));
        try {
            ProcError e = error(reader(attempt -> {
                throw new InterruptedException();
            }).read(5));
            assertEquals(ProcError.Kind.BUSY, e.kind());
            assertEquals(1, pauses.get());
            assertTrue(Thread.currentThread().isInterrupted(), "interrupt status kept");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void nonRingFdIsNotIoUring_injectedProcRoot() {
        fake.fd(9, "socket:[777]").fdinfo(9, "pos:\t0\nflags:\t02\nmnt_id:\t10\nino:\t777\n");
        ProcError e = error(reader().read(9));
        assertEquals(ProcError.Kind.NOT_IO_URING, e.kind());
        assertTrue(e.message().contains("socket:[777]"), e.message());
        assertEquals(0, pauses.get(), "a non-ring fd is not retried");
    }

    @Test
    void nonRingFdWithOddFdinfoIsNotIoUringNotMalformed_injectedProcRoot() {
        fake.fd(9, "anon_inode:[eventpoll]").fdinfo(9, FakeProc.header(3) + "tfd no colon here\n");
        assertEquals(ProcError.Kind.NOT_IO_URING, error(reader().read(9)).kind());
    }

    @Test
    void missingFdinfoIsMissing_injectedProcRoot() {
        ProcError e = error(reader().read(42));
        assertEquals(ProcError.Kind.MISSING, e.kind());
        assertTrue(e.toString().contains("fdinfo/42"), e.toString());
    }

    @Test
    void fdClosedWhileItsFdinfoIsReadIsMissingNotUnreadable_injectedProcRoot() throws Exception {
        // an fdinfo that opens but whose read fails (a directory stands in for the kernel's ENOENT) and no fd
        Files.createDirectories(fake.self().resolve("fdinfo").resolve("42"));
        ProcError e = error(reader().read(42));
        assertEquals(ProcError.Kind.MISSING, e.kind(), e.toString());
    }

    @Test
    void fdClosedBetweenFdinfoAndReadlinkIsMissing_injectedProcRoot() {
        fake.fdinfo(42, FakeProc.header(3));
        ProcError e = error(reader().read(42));
        assertEquals(ProcError.Kind.MISSING, e.kind());
        assertTrue(e.file().endsWith("self/fd/42"), e.toString());
    }

    @Test
    void unreadableFdinfoIsUnreadable_injectedProcRoot() throws Exception {
        // Tests run as root here, so permissions cannot make a file unreadable; a directory can.
        fake.fd(5, FdTargets.IO_URING);
        Files.createDirectories(fake.self().resolve("fdinfo/5"));
        ProcError e = error(reader().read(5));
        assertEquals(ProcError.Kind.UNREADABLE, e.kind());
        assertTrue(e.toString().contains("fdinfo/5"), e.toString());
    }

    /** An fdinfo the parser must refuse, the line it must name and what its message must say. */
    record Malformed(String what, String kernel, int fd, String fdinfo, int line, String says) {
        static Malformed of618(String what, String fdinfo, int line, String says) {
            return new Malformed(what, "6.18.0-test", 5, fdinfo, line, says);
        }

        @Override
        public String toString() {
            return what;
        }
    }

    static Stream<Malformed> malformed() {
        return Stream.of(
                Malformed.of618("garbage line", KERNEL_6_18.replace("CqHead:\t0\n", "this line is garbage\n"), 10,
                        "this line is garbage"),
                Malformed.of618("non-numeric value", KERNEL_6_18.replace("SqThread:\t4043", "SqThread:\tforty"), 15,
                        "SqThread"),
                Malformed.of618("slot outside the table",
                        KERNEL_6_18.replace("    5: /etc/hostname", "    8: /etc/hostname"), 21, "outside a table of 8"),
                Malformed.of618("slot line without a value", KERNEL_6_18.replace("    5: /etc/hostname", "    5:"), 21,
                        "without a value"),
                Malformed.of618("duplicate slot", KERNEL_6_18.replace("    5: /etc/hostname", "    2: /etc/hostname"),
                        21, "twice"),
                Malformed.of618("truncated ring section", KERNEL_6_18.substring(0, KERNEL_6_18.indexOf("UserFiles")),
                        18, "truncated"),
                new Malformed("truncated old-format listing", "5.15.0", 7,
                        KERNEL_5_15.replace("    3: hostname\n", ""), 25, "3 of 4"),
                Malformed.of618("overlong line",
                        KERNEL_6_18.replace("/etc/hostname", "/" + "x".repeat(ProcLineReader.MAX_LINE_BYTES)), 21,
                        "line longer than"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedFdinfoIsMalformedNamingTheLine_injectedProcRoot(Malformed m) {
        fake.kernel(m.kernel()).ring(m.fd(), m.fdinfo());
        ProcError e = error(reader().read(m.fd()));
        assertEquals(ProcError.Kind.MALFORMED, e.kind(), e.toString());
        assertEquals(m.line(), e.line(), e.toString());
        assertTrue(e.message().contains(m.says()), e.message());
    }

    @Test
    void slotIndicesFromTenThousandStartInColumnZero_injectedProcRoot() {
        fake.ring(5, KERNEL_6_18.replace("UserFiles:\t8\n    2: socket:[8253]\n    5: /etc/hostname\n",
                "UserFiles:\t20000\n    2: socket:[8253]\n10000: socket:[9000]\n19999: /etc/hostname\n"));
        RingFdInfo info = reader().read(5).orElseThrow();
        assertEquals(9000, info.files().slot(10000).socketInode());
        assertEquals("/etc/hostname", info.files().slot(19999).target());
        assertEquals(3, info.files().occupied().size());
    }

    @Test
    void escapedPathsAreUnescaped_injectedProcRoot() {
        fake.ring(5, KERNEL_6_18.replace("/etc/hostname", "/tmp/a\\040b\\134c.txt\\040(deleted)"));
        assertEquals("/tmp/a b\\c.txt (deleted)", reader().read(5).orElseThrow().files().slot(5).target());
    }

    @Test
    void entryLinesOfOtherSectionsAndUnknownKeysAreSkipped_injectedProcRoot() {
        fake.ring(5, KERNEL_6_18
                .replace("SQEs:\t0\n", "SQEs:\t1\n    0: opcode:NOP, fd:0, flags:0, off:0, addr:0x0, rw_flags:0x0,"
                        + " buf_index:0 user_data:7\n")
                .replace("PollList:\n", "FutureKey:\tsomething new\n    0: future entry\nPollList:\n  op=6, task_works=0\n"));
        RingFdInfo info = reader().read(5).orElseThrow();
        assertEquals(1, info.indexes().sqesPending());
        assertEquals(2, info.files().occupied().size(), "SQE dump line is not a file slot");
    }

    @Test
    void kernelWithoutInoLineFallsBackToStatOfTheFd_injectedProcRoot() throws Exception {
        // Kernels before 5.14 print no ino; the reader stats the fd link instead. Here the fake link points
        // at a real file, so its inode is what the stat must find.
        Path target = Files.createFile(dir.resolve("stands-for-the-ring"));
        fake.kernel("5.10.0").fd(5, target.toString()).fdinfo(5, KERNEL_5_15.replace("ino:\t31337\n", ""));
        assertEquals(Files.getAttribute(target, "unix:ino"), reader().read(5).orElseThrow().ino());
    }

    @Test
    void kernelWithoutInoLineAndUnstatableFdKeepsInoUnknown_injectedProcRoot() {
        fake.kernel("5.10.0").ring(5, KERNEL_5_15.replace("ino:\t31337\n", ""));
        assertEquals(-1, reader().read(5).orElseThrow().ino());
    }
}
