package dev.ringwatch.agent.proc;

import dev.ringwatch.testsupport.RawRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcFdsTest {
    private final ProcRoot proc = ProcRoot.system();

    @Test
    void ringAndSocketFdsAreClassified() {
        int socket = Libc.tcpSocket();
        try (RawRing ring = RawRing.setup(4, 0)) {
            FdTable fds = ProcFds.list(proc).orElseThrow();
            assertTrue(FdInfoReaderTest.contains(fds.ringFds(), ring.fd()));
            assertTrue(FdInfoReaderTest.contains(fds.socketFds(), socket));
            assertFalse(FdInfoReaderTest.contains(fds.socketFds(), ring.fd()));
            assertEquals(FdTargets.IO_URING, fds.target(ring.fd()));
            long inode = FdTargets.socketInode(fds.target(socket));
            assertTrue(inode > 0, fds.target(socket));
            assertTrue(fds.hasSocket(inode));
            assertEquals(fds.socketFds().length, fds.socketCount());
            FdTable.FdEntry entry = fds.entries().stream().filter(e -> e.fd() == socket).findFirst().orElseThrow();
            assertTrue(entry.isSocket());
            assertEquals(inode, entry.socketInode());
        } finally {
            Libc.close(socket);
        }
    }

    @Test
    void socketCountFollowsOpenAndClose() {
        int before = ProcFds.list(proc).orElseThrow().socketCount();
        int a = Libc.tcpSocket();
        int b = Libc.tcpSocket();
        long inodeA;
        long inodeB;
        try {
            FdTable with = ProcFds.list(proc).orElseThrow();
            // Other threads of this JVM may open sockets too, so the count is a lower bound.
            assertTrue(with.socketCount() >= before + 2, with.socketCount() + " vs " + before);
            inodeA = FdTargets.socketInode(with.target(a));
            inodeB = FdTargets.socketInode(with.target(b));
            assertTrue(inodeA > 0 && inodeB > 0 && inodeA != inodeB);
        } finally {
            Libc.close(a);
            Libc.close(b);
        }
        FdTable after = ProcFds.list(proc).orElseThrow();
        assertFalse(after.hasSocket(inodeA));
        assertFalse(after.hasSocket(inodeB));
    }

    @Test
    void targetShowsAnFdReusedForAnotherFile(@TempDir Path dir) throws Exception {
        int socket = Libc.tcpSocket();
        String socketTarget = ProcFds.target(proc, socket).orElseThrow();
        assertTrue(FdTargets.isSocket(socketTarget));
        Libc.close(socket);
        Path file = Files.createFile(dir.resolve("reuse"));
        int reused = Libc.openReadOnly(file.toString());
        try {
            // The kernel hands out the lowest free fd; if another thread took it first, skip the comparison.
            if (reused == socket) {
                String now = ProcFds.target(proc, reused).orElseThrow();
                assertEquals(file.toString(), now);
                assertFalse(now.equals(socketTarget));
            }
            assertEquals(file.toString(), ProcFds.target(proc, reused).orElseThrow());
        } finally {
            Libc.close(reused);
        }
    }

    @Test
    void ringInodeByStatMatchesFdinfo() {
        try (RawRing ring = RawRing.setup(4, 0)) {
            long statIno = ProcFds.inode(proc, ring.fd()).orElseThrow();
            assertEquals(statIno, new FdInfoReader(proc).read(ring.fd()).orElseThrow().ino());
        }
    }

    @Test
    void closedFdIsMissing() {
        assertEquals(ProcError.Kind.MISSING, ProcFds.target(proc, Integer.MAX_VALUE).errorOrNull().kind());
        assertEquals(ProcError.Kind.MISSING, ProcFds.inode(proc, Integer.MAX_VALUE).errorOrNull().kind());
    }

    @Test
    void listingIsSortedAndCompact_injectedProcRoot(@TempDir Path dir) {
        FakeProc fake = new FakeProc(dir)
                .fd(12, "socket:[500]")
                .fd(3, FdTargets.IO_URING)
                .fd(7, "/var/log/app.log (deleted)")
                .fd(10, "socket:[400]")
                .fd(0, "/dev/null");
        FdTable fds = ProcFds.list(fake.procRoot()).orElseThrow();
        assertEquals(5, fds.size());
        assertArrayEquals(new int[]{3}, fds.ringFds());
        assertArrayEquals(new int[]{10, 12}, fds.socketFds());
        assertEquals(2, fds.socketCount());
        assertTrue(fds.hasSocket(400) && fds.hasSocket(500));
        assertFalse(fds.hasSocket(401));
        assertEquals("/var/log/app.log (deleted)", fds.target(7));
        assertEquals("socket:[500]", fds.target(12));
        assertNull(fds.target(8));
        assertArrayEquals(new int[]{0, 3, 7, 10, 12}, fds.entries().stream().mapToInt(FdTable.FdEntry::fd).toArray());
    }

    @Test
    void nonNumericEntryIsMalformed_injectedProcRoot(@TempDir Path dir) throws Exception {
        FakeProc fake = new FakeProc(dir).fd(3, "socket:[1]");
        Files.createSymbolicLink(fake.self().resolve("fd/bogus"), Path.of("x"));
        ProcError e = ProcFds.list(fake.procRoot()).errorOrNull();
        assertEquals(ProcError.Kind.MALFORMED, e.kind());
        assertTrue(e.message().contains("bogus"), e.message());
    }

    @Test
    void missingFdDirectoryIsMissing_injectedProcRoot(@TempDir Path dir) {
        assertEquals(ProcError.Kind.MISSING, ProcFds.list(ProcRoot.at(dir.resolve("nothing"))).errorOrNull().kind());
    }

    @Test
    void socketTargetsParseStrictly() {
        assertEquals(18868, FdTargets.socketInode("socket:[18868]"));
        assertEquals(-1, FdTargets.socketInode("socket:[]"));
        assertEquals(-1, FdTargets.socketInode("socket:[12a]"));
        assertEquals(-1, FdTargets.socketInode("socket:[12"));
        assertEquals(-1, FdTargets.socketInode("TCP"));
        assertEquals(-1, FdTargets.socketInode("pipe:[5]"));
        assertEquals(-1, FdTargets.socketInode("socket:[99999999999999999999]"));
    }
}
