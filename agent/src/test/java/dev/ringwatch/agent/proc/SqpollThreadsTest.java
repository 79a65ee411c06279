package dev.ringwatch.agent.proc;

import dev.ringwatch.testsupport.RawRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqpollThreadsTest {
    private final ProcView proc = ProcView.system();

    /** Waits until the ring's SQPOLL thread has started and names itself; returns its tid. */
    static int startedSqThread(ProcView proc, RawRing ring) {
        int[] tid = new int[1];
        assertTrue(Await.until(Duration.ofSeconds(2), () -> {
            tid[0] = proc.ringFdInfo(ring.fd()).orElseThrow().sqThread();
            return FdInfoReaderTest.contains(proc.sqpollThreads().orElseThrow(), tid[0]);
        }), "SqThread " + tid[0] + " of ring fd " + ring.fd() + " never listed among iou-sqp threads; its comm: "
                + FdInfoReaderTest.comm(tid[0]));
        return tid[0];
    }

    @Test
    void attachedRingsShareOneThread() {
        try (RawRing first = RawRing.sqpoll(8);
             RawRing second = RawRing.setup(8, RawRing.IORING_SETUP_SQPOLL | RawRing.IORING_SETUP_ATTACH_WQ,
                     0, first.fd())) {
            int tid = startedSqThread(proc, first);
            assertEquals(tid, startedSqThread(proc, second));
            first.close();
            // The shared thread serves the second ring after the first is gone.
            assertFalse(Await.until(Duration.ofMillis(200), () -> !proc.sqpollThreadAlive(tid).orElseThrow()));
            assertEquals(tid, proc.ringFdInfo(second.fd()).orElseThrow().sqThread());
        }
    }

    @Test
    void closedUnmappedRingsThreadGoes() {
        int tid;
        try (RawRing ring = RawRing.sqpoll(8)) {
            tid = startedSqThread(proc, ring);
        }
        assertTrue(Await.until(Duration.ofSeconds(2), () -> !proc.sqpollThreadAlive(tid).orElseThrow()),
                "SQPOLL thread " + tid + " alive 2 s after its ring was closed");
        assertFalse(FdInfoReaderTest.contains(proc.sqpollThreads().orElseThrow(), tid));
    }

    @Test
    void ordinaryThreadIsNotSqpoll() throws Exception {
        int self = Integer.parseInt(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
        assertFalse(proc.sqpollThreadAlive(self).orElseThrow());
        assertFalse(FdInfoReaderTest.contains(proc.sqpollThreads().orElseThrow(), self));
    }

    @Test
    void onlyIouSqpCommsCount_injectedProcRoot(@TempDir Path dir) throws Exception {
        FakeProc fake = new FakeProc(dir)
                .task(4025, "java")
                .task(4043, "iou-sqp-4025")
                .task(4044, "iou-wrk-4025")
                .task(4050, "iou-sqp-1234567")
                .task(4001, "iou-sqp-4025");
        // A thread that exited between listing and reading its comm.
        Files.createDirectories(fake.self().resolve("task/4100"));
        ProcRoot root = fake.procRoot();
        assertArrayEquals(new int[]{4001, 4043, 4050}, SqpollThreads.tids(root).orElseThrow());
        assertTrue(SqpollThreads.isAlive(root, 4043).orElseThrow());
        assertFalse(SqpollThreads.isAlive(root, 4044).orElseThrow());
        assertFalse(SqpollThreads.isAlive(root, 4100).orElseThrow());
        assertFalse(SqpollThreads.isAlive(root, 9999).orElseThrow());
    }

    @Test
    void nonNumericTaskIsMalformed_injectedProcRoot(@TempDir Path dir) {
        FakeProc fake = new FakeProc(dir).task(1, "java");
        fake.write(fake.self().resolve("task/oops/comm"), "java\n");
        ProcError e = SqpollThreads.tids(fake.procRoot()).errorOrNull();
        assertEquals(ProcError.Kind.MALFORMED, e.kind());
        assertTrue(e.message().contains("oops"), e.message());
    }

    @Test
    void unreadableCommIsUnreadable_injectedProcRoot(@TempDir Path dir) throws Exception {
        FakeProc fake = new FakeProc(dir);
        Files.createDirectories(fake.self().resolve("task/7/comm"));
        assertEquals(ProcError.Kind.UNREADABLE, SqpollThreads.tids(fake.procRoot()).errorOrNull().kind());
    }

    @Test
    void missingTaskDirectoryIsMissing_injectedProcRoot(@TempDir Path dir) {
        assertEquals(ProcError.Kind.MISSING, SqpollThreads.tids(ProcRoot.at(dir.resolve("none"))).errorOrNull().kind());
    }
}
