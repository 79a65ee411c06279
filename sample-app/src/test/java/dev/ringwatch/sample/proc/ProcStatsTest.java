package dev.ringwatch.sample.proc;

import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.IoUring;
import dev.ringwatch.sample.net.TcpListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcStatsTest {
    private final ProcStats real = new ProcStats();

    @Test
    void sockstatUsedIsParsed_injectedProcRoot(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("net"));
        Files.writeString(root.resolve("net/sockstat"), """
                sockets: used 4711
                TCP: inuse 3 orphan 0 tw 0 alloc 5 mem 1
                UDP: inuse 0 mem 0
                """);
        assertEquals(4711, new ProcStats(root).socketsUsed());
    }

    @Test
    void sockstatWithoutTheLineIsAnErrorNamingTheFile_injectedProcRoot(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("net"));
        Files.writeString(root.resolve("net/sockstat"), "TCP: inuse 3\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ProcStats(root).socketsUsed());
        assertTrue(e.getMessage().contains("sockstat"), e.getMessage());
    }

    @Test
    void threadsNamedIouSqpAreCounted_injectedProcRoot(@TempDir Path root) throws IOException {
        for (String[] task : new String[][]{{"100", "java\n"}, {"101", "iou-sqp-100\n"}, {"102", "iou-sqp-100\n"},
                {"103", "iou-wrk-100\n"}}) {
            Files.createDirectories(root.resolve("self/task/" + task[0]));
            Files.writeString(root.resolve("self/task/" + task[0] + "/comm"), task[1]);
        }
        assertEquals(2, new ProcStats(root).iouSqpThreads());
    }

    @Test
    void fdinfoSlotLinesAreCountedInBothKernelFormats() {
        // this kernel lists only occupied slots; kernels before 6.x listed every slot, "<none>" for empty ones
        assertEquals(2, RingFdInfo.countSlots(List.of("SqMask:\t0x3f", "UserFiles:\t16", "    0: socket:[18868]",
                "    2: socket:[18870]", "UserBufs:\t1", "    0: 0x7f0000000000/4096", "PollList:")));
        assertEquals(1, RingFdInfo.countSlots(List.of("UserFiles:\t3", "    0: <none>", "    1: anon_inode:[eventfd]",
                "    2: <none>", "UserBufs:\t0")));
        assertEquals(1, RingFdInfo.countSlots(List.of("UserFiles:\t20000", "10000: socket:[1]", "UserBufs:\t0")));
        assertEquals(0, RingFdInfo.countSlots(List.of()));
    }

    @Test
    void aRealSqpollRingShowsOneThreadUntilClosed() throws InterruptedException {
        int before = real.iouSqpThreads();
        int fdsBefore = real.ioUringFds();
        IoUring ring = IoUring.builder().entries(4).sqpoll(Duration.ofMillis(10)).build();
        try {
            // the thread takes its iou-sqp name when it first runs, a moment after io_uring_setup returned
            assertEquals(before + 1, real.iouSqpThreadsOnceSettled(n -> n > before, Duration.ofSeconds(2)));
            assertEquals(fdsBefore + 1, real.ioUringFds());
        } finally {
            ring.close();
        }
        assertEquals(before, real.iouSqpThreadsOnceSettled(n -> n <= before, Duration.ofSeconds(2)));
        assertEquals(fdsBefore, real.ioUringFds());
    }

    @Test
    void realFdinfoShowsRegisteredSlots() throws Exception {
        try (IoUring ring = IoUring.builder().entries(4).build();
             TcpListener a = TcpListener.loopback(0, 1);
             TcpListener b = TcpListener.loopback(0, 1)) {
            FileTable files = ring.registerFiles(8);
            files.register(a.fd(), null);
            var second = files.register(b.fd(), null);
            assertEquals(2, RingFdInfo.occupiedSlots(Path.of("/proc"), ring.fd()));
            second.close();
            assertEquals(1, RingFdInfo.occupiedSlots(Path.of("/proc"), ring.fd()));
        }
    }

    @Test
    void openFdsFollowsRealFds() throws IOException {
        int before = real.openFds();
        try (var ch = java.nio.channels.FileChannel.open(Path.of("/proc/self/stat"))) {
            assertTrue(ch.isOpen());
            assertEquals(before + 1, real.openFds());
        }
        assertEquals(before, real.openFds());
    }
}
