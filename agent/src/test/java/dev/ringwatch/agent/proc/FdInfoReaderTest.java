package dev.ringwatch.agent.proc;

import dev.ringwatch.testsupport.RawRing;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** fdinfo of real rings on the running kernel. */
class FdInfoReaderTest {
    private final ProcView proc = ProcView.system();

    @Test
    void plainRingShowsNoSqThreadAndEmptyTables() {
        try (RawRing ring = RawRing.setup(8, 0)) {
            RingFdInfo info = proc.ringFdInfo(ring.fd()).orElseThrow();
            assertEquals(ring.fd(), info.fd());
            assertEquals(-1, info.sqThread());
            assertFalse(info.hasSqThread());
            assertEquals(-1, info.sqThreadCpu());
            assertEquals(ring.sqEntries(), info.indexes().sqEntries());
            assertEquals(0, info.files().size());
            assertTrue(info.files().listed());
            assertTrue(info.files().occupied().isEmpty());
            assertEquals(0, info.buffers().size());
            assertEquals(proc.fdInode(ring.fd()).orElseThrow(), info.ino(), "fdinfo ino is the fd's inode");
        }
    }

    @Test
    void sqpollRingThreadIsAnIouSqpThread() {
        try (RawRing ring = RawRing.sqpoll(8)) {
            // Until the SQPOLL thread first runs, the kernel reports the creating thread's tid (see below).
            int tid = SqpollThreadsTest.startedSqThread(proc, ring);
            assertTrue(proc.sqpollThreadAlive(tid).orElseThrow());
            RingFdInfo info = proc.ringFdInfo(ring.fd()).orElseThrow();
            assertEquals(tid, info.sqThread());
            assertTrue(info.sqThreadCpu() >= 0);
        }
    }

    @Test
    void sqThreadRightAfterSetupIsTheCreatorOrTheSqpollThread() throws Exception {
        // Kernel fact (6.18): io_uring_setup records the caller's tid as the SQPOLL pid; the new thread
        // replaces it with its own when it first runs. A reader can see either, never anything else.
        int creator = Integer.parseInt(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
        for (int i = 0; i < 5; i++) {
            try (RawRing ring = RawRing.sqpoll(8)) {
                int tid = proc.ringFdInfo(ring.fd()).orElseThrow().sqThread();
                assertTrue(tid == creator || proc.sqpollThreadAlive(tid).orElseThrow(),
                        "SqThread " + tid + " is neither the creating thread " + creator + " nor an iou-sqp thread");
            }
        }
    }

    @Test
    void slotHoldingSocketShowsTheSocketsInode() {
        int socket = Libc.tcpSocket();
        try (RawRing ring = RawRing.setup(8, 0)) {
            ring.registerSparseFiles(16);
            ring.updateFile(2, socket);
            long socketInode = FdTargets.socketInode(proc.fdTarget(socket).orElseThrow());
            assertTrue(socketInode > 0);

            RingFdInfo info = proc.ringFdInfo(ring.fd()).orElseThrow();
            assertEquals(16, info.files().size(), "UserFiles is the table size");
            assertEquals(1, info.files().occupied().size(), "only occupied slots: " + info.files());
            RingFdInfo.FileSlot slot = info.files().slot(2);
            assertNotNull(slot);
            assertEquals(FdTargets.socket(socketInode), slot.target());
            assertEquals(socketInode, slot.socketInode());
            assertNull(info.files().slot(3));

            // The slot keeps the socket after the application closes its fd: the leak the agent looks for.
            Libc.close(socket);
            socket = -1;
            RingFdInfo after = proc.ringFdInfo(ring.fd()).orElseThrow();
            assertEquals(socketInode, after.files().slot(2).socketInode());
            assertFalse(proc.fds().orElseThrow().hasSocket(socketInode));

            ring.updateFile(2, -1);
            RingFdInfo cleared = proc.ringFdInfo(ring.fd()).orElseThrow();
            assertTrue(cleared.files().listed());
            assertTrue(cleared.files().occupied().isEmpty(), "cleared slot gone: " + cleared.files());
        } finally {
            if (socket >= 0) {
                Libc.close(socket);
            }
        }
    }

    @Test
    void slotHoldingFileWithSpaceAndBackslashShowsItsPath() throws Exception {
        Path file = Files.createTempFile("ring watch\\", ".txt");
        int fd = Libc.openReadOnly(file.toString());
        try (RawRing ring = RawRing.setup(8, 0)) {
            ring.registerSparseFiles(4);
            ring.updateFile(3, fd);
            assertEquals(file.toString(), proc.ringFdInfo(ring.fd()).orElseThrow().files().slot(3).target());
            assertEquals(proc.fdTarget(fd).orElseThrow(), proc.ringFdInfo(ring.fd()).orElseThrow()
                    .files().slot(3).target(), "slot target reads like the fd's readlink");
        } finally {
            Libc.close(fd);
            Files.deleteIfExists(file);
        }
    }

    @Test
    void registeredBufferTableSizeIsReported() {
        try (RawRing ring = RawRing.setup(8, 0)) {
            ring.registerSparseBuffers(4);
            RingFdInfo info = proc.ringFdInfo(ring.fd()).orElseThrow();
            assertEquals(4, info.buffers().size());
            assertTrue(info.buffers().listed(), "this kernel lists every buffer slot, <none> for empty ones");
            assertTrue(info.buffers().occupied().isEmpty());
        }
    }

    @Test
    void socketFdIsNotIoUring() {
        int socket = Libc.tcpSocket();
        try {
            ProcResult<RingFdInfo> r = proc.ringFdInfo(socket);
            ProcError e = assertInstanceOf(ProcResult.Failed.class, r).error();
            assertEquals(ProcError.Kind.NOT_IO_URING, e.kind());
            assertTrue(e.message().contains("socket:["), e.message());
        } finally {
            Libc.close(socket);
        }
    }

    @Test
    void closedFdIsMissing() {
        // Far above this process's fd limit, so no other thread can have it open.
        ProcResult<RingFdInfo> r = proc.ringFdInfo(Integer.MAX_VALUE);
        assertEquals(ProcError.Kind.MISSING, r.errorOrNull().kind());
        assertTrue(r.errorOrNull().toString().contains("fdinfo/" + Integer.MAX_VALUE));
    }

    static String comm(int tid) {
        try {
            return Files.readString(Path.of("/proc/self/task/" + tid + "/comm")).strip();
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
