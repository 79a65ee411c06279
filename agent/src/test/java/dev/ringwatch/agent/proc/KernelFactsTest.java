package dev.ringwatch.agent.proc;

import dev.ringwatch.testsupport.RawRing;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the agent relies on to identify a ring after its fd is closed, checked on the running kernel:
 * every ring has its own inode, the same number in fdinfo, in a stat of the fd and in /proc/self/maps,
 * and inode numbers of closed rings are not handed to new ones.
 */
class KernelFactsTest {
    private final ProcView proc = ProcView.system();

    @Test
    void eachRingHasItsOwnInodeSeenAlikeInFdinfoStatAndMaps() {
        try (RawRing a = RawRing.setup(8, 0); RawRing b = RawRing.setup(8, 0)) {
            a.mapRings();
            b.mapRings();
            long inoA = proc.ringFdInfo(a.fd()).orElseThrow().ino();
            long inoB = proc.ringFdInfo(b.fd()).orElseThrow().ino();
            assertNotEquals(inoA, inoB, "rings share an anon inode: maps could not tell them apart");
            assertEquals(inoA, (long) proc.fdInode(a.fd()).orElseThrow());
            assertEquals(inoB, (long) proc.fdInode(b.fd()).orElseThrow());
            ProcMaps.RingMappings maps = proc.ringMappings().orElseThrow();
            assertTrue(maps.maps(inoA) && maps.maps(inoB));
            assertEquals(1, maps.of(inoA).size());
        }
    }

    @Test
    void closedRingsInodesAreNotReused() {
        List<Long> inodes = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            try (RawRing ring = RawRing.setup(4, 0)) {
                inodes.add(proc.ringFdInfo(ring.fd()).orElseThrow().ino());
            }
        }
        Set<Long> distinct = new HashSet<>(inodes);
        assertEquals(inodes.size(), distinct.size(), "inode reused after close: " + inodes);
    }
}
