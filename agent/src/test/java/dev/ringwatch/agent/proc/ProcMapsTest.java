package dev.ringwatch.agent.proc;

import dev.ringwatch.testsupport.RawRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcMapsTest {
    private static final long PAGE = 4096;
    private final ProcView proc = ProcView.system();

    @Test
    void mappedRingShowsUnderItsInodeWithItsBytes() {
        try (RawRing ring = RawRing.setup(64, 0)) {
            long ringBytes = ring.mapRings();
            long sqeBytes = ring.mapSqes();
            long ino = proc.ringFdInfo(ring.fd()).orElseThrow().ino();
            ProcMaps.RingMappings maps = proc.ringMappings().orElseThrow();
            assertTrue(maps.maps(ino));
            assertEquals(roundUp(ringBytes) + roundUp(sqeBytes), maps.bytes(ino));
            List<ProcMaps.Region> regions = maps.of(ino).stream().map(ProcMaps.RingMapping::region).sorted().toList();
            assertEquals(List.of(ProcMaps.Region.SQ_RING, ProcMaps.Region.SQES), regions);
            assertTrue(maps.of(ino).stream().allMatch(m -> m.perms().equals("rw-s")));
            ring.unmapAll();
            assertFalse(proc.ringMappings().orElseThrow().maps(ino));
        }
    }

    @Test
    void unmappedRingHasNoMapping() {
        try (RawRing ring = RawRing.setup(8, 0)) {
            long ino = proc.ringFdInfo(ring.fd()).orElseThrow().ino();
            assertFalse(proc.ringMappings().orElseThrow().maps(ino));
        }
    }

    @Test
    void closedButMappedSqpollRingStaysMappedWithItsThreadUntilUnmapped() {
        try (RawRing ring = RawRing.sqpoll(8)) {
            int tid = SqpollThreadsTest.startedSqThread(proc, ring);
            long ino = proc.ringFdInfo(ring.fd()).orElseThrow().ino();
            ring.mapRings();

            ring.closeFd();
            ProcResult<RingFdInfo> gone = proc.ringFdInfo(ring.fd());
            assertFalse(gone.isOk() && gone.orElseThrow().ino() == ino, "fd closed: no fdinfo for this ring");
            assertTrue(proc.ringMappings().orElseThrow().maps(ino), "closed ring still mapped");
            // A closed, unmapped SQPOLL ring's thread is gone in ~30 ms here; give it ten times that.
            assertFalse(Await.until(Duration.ofMillis(300), () -> !proc.sqpollThreadAlive(tid).orElseThrow()),
                    "the mapping keeps the ring, and its SQPOLL thread, alive");

            ring.unmapAll();
            assertFalse(proc.ringMappings().orElseThrow().maps(ino));
            assertTrue(Await.until(Duration.ofSeconds(2), () -> !proc.sqpollThreadAlive(tid).orElseThrow()),
                    "SQPOLL thread " + tid + " still alive 2 s after the last mapping went");
        }
    }

    @Test
    void ringLinesAreParsedAndOthersSkipped_injectedProcRoot(@TempDir Path dir) {
        FakeProc fake = new FakeProc(dir).maps("""
                55d4c6a00000-55d4c6a01000 r--p 00000000 08:01 1234                       /usr/bin/java
                7fb95c916000-7fb95c917000 rw-s 10000000 00:10 8252                       anon_inode:[io_uring]
                7fb95c917000-7fb95c919000 rw-s 00000000 00:10 8252                       anon_inode:[io_uring]
                7fb95c920000-7fb95c921000 rw-s 08000000 00:10 9000                       anon_inode:[io_uring]
                7fb95c930000-7fb95c931000 rw-s 80010000 00:10 9000                       anon_inode:[io_uring]
                7fb95c940000-7fb95c941000 rw-p 00000000 00:00 0 
                ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]
                """);
        ProcMaps.RingMappings maps = ProcMaps.ringMappings(fake.procRoot()).orElseThrow();
        assertEquals(4, maps.all().size());
        assertArrayEquals(new long[]{8252, 9000}, maps.inodes());
        assertEquals(3 * PAGE, maps.bytes(8252));
        assertEquals(2 * PAGE, maps.bytes(9000));
        assertEquals(0, maps.bytes(1234));
        assertEquals(List.of(ProcMaps.Region.CQ_RING, ProcMaps.Region.PROVIDED_BUFFER_RING),
                maps.of(9000).stream().map(ProcMaps.RingMapping::region).toList());
    }

    @Test
    void garbageRingLineIsMalformedNamingTheLine_injectedProcRoot(@TempDir Path dir) {
        FakeProc fake = new FakeProc(dir).maps("""
                55d4c6a00000-55d4c6a01000 r--p 00000000 08:01 1234                       /usr/bin/java
                7fb95c916000 rw-s 10000000 00:10 8252                       anon_inode:[io_uring]
                """);
        ProcError e = ProcMaps.ringMappings(fake.procRoot()).errorOrNull();
        assertEquals(ProcError.Kind.MALFORMED, e.kind());
        assertEquals(2, e.line());
        assertTrue(e.toString().contains("self/maps:2"), e.toString());
    }

    @Test
    void ringLineWithoutInodeIsMalformed_injectedProcRoot(@TempDir Path dir) {
        FakeProc fake = new FakeProc(dir).maps("7fb95c916000-7fb95c917000 rw-s 0 00:10 x anon_inode:[io_uring]\n");
        assertEquals(ProcError.Kind.MALFORMED, ProcMaps.ringMappings(fake.procRoot()).errorOrNull().kind());
    }

    @Test
    void missingMapsIsMissing_injectedProcRoot(@TempDir Path dir) {
        assertEquals(ProcError.Kind.MISSING, ProcMaps.ringMappings(new FakeProc(dir).procRoot()).errorOrNull().kind());
    }

    private static long roundUp(long bytes) {
        return (bytes + PAGE - 1) / PAGE * PAGE;
    }
}
