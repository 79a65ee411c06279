package dev.ringwatch.agent.proc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SockStatTest {
    /** Verbatim from this machine (6.18). */
    static final String KERNEL_6_18 = """
            sockets: used 13
            TCP: inuse 1 orphan 0 tw 2 alloc 2 mem 0
            UDP: inuse 0 mem 0
            UDPLITE: inuse 0
            RAW: inuse 0
            FRAG: inuse 0 memory 0
            """;

    @Test
    void realSockstatCountsAtLeastOurOwnSockets() {
        int[] sockets = {Libc.tcpSocket(), Libc.tcpSocket(), Libc.tcpSocket()};
        try {
            SockStat stat = SockStat.read(ProcRoot.system()).orElseThrow();
            int ours = ProcFds.list(ProcRoot.system()).orElseThrow().socketCount();
            assertTrue(ours >= 3);
            assertTrue(stat.socketsUsed() >= ours, stat + " vs our " + ours + " socket fds");
            assertTrue(stat.tcpInUse() >= 0 && stat.tcpAlloc() >= 0, stat.toString());
            assertTrue(stat.udpInUse() >= 0, stat.toString());
        } finally {
            for (int s : sockets) {
                Libc.close(s);
            }
        }
    }

    @Test
    void sampleParses_injectedProcRoot(@TempDir Path dir) {
        SockStat stat = SockStat.read(new FakeProc(dir).sockstat(KERNEL_6_18 + "MPTCP: inuse 4\n").procRoot())
                .orElseThrow();
        assertEquals(13, stat.socketsUsed());
        assertEquals(1, stat.tcpInUse());
        assertEquals(0, stat.tcpOrphan());
        assertEquals(2, stat.tcpTimeWait());
        assertEquals(2, stat.tcpAlloc());
        assertEquals(0, stat.udpInUse());
        assertEquals(0, stat.counter("FRAG", "memory"));
        assertEquals(4, stat.counter("MPTCP", "inuse"));
        assertEquals(-1, stat.counter("SCTP", "inuse"));
        assertEquals(-1, stat.counter("TCP", "nope"));
    }

    private static ProcError parseError(Path dir, String text) {
        ProcError e = SockStat.read(new FakeProc(dir).sockstat(text).procRoot()).errorOrNull();
        assertTrue(e != null, "expected an error for: " + text);
        return e;
    }

    @Test
    void lineWithoutColonIsMalformed_injectedProcRoot(@TempDir Path dir) {
        ProcError e = parseError(dir, KERNEL_6_18.replace("UDP: inuse 0 mem 0", "garbage here"));
        assertEquals(ProcError.Kind.MALFORMED, e.kind());
        assertEquals(3, e.line());
        assertTrue(e.toString().contains("net/sockstat:3"), e.toString());
    }

    @Test
    void keyWithoutValueIsMalformed_injectedProcRoot(@TempDir Path dir) {
        ProcError e = parseError(dir, KERNEL_6_18.replace("mem 0\nUDP", "mem\nUDP"));
        assertEquals(ProcError.Kind.MALFORMED, e.kind());
        assertEquals(2, e.line());
    }

    @Test
    void nonNumericValueIsMalformed_injectedProcRoot(@TempDir Path dir) {
        ProcError e = parseError(dir, KERNEL_6_18.replace("used 13", "used many"));
        assertEquals(ProcError.Kind.MALFORMED, e.kind());
        assertEquals(1, e.line());
    }

    @Test
    void truncatedFileWithoutSocketsLineIsMalformed_injectedProcRoot(@TempDir Path dir) {
        assertTrue(parseError(dir, "").message().contains("sockets: used"));
        assertEquals(ProcError.Kind.MALFORMED, parseError(dir, "TCP: inuse 1\n").kind());
    }

    @Test
    void missingFileIsMissing_injectedProcRoot(@TempDir Path dir) {
        assertEquals(ProcError.Kind.MISSING, SockStat.read(new FakeProc(dir).procRoot()).errorOrNull().kind());
    }
}
