package dev.ringwatch.agent.proc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds io_uring mappings in {@code /proc/self/maps}. A mapping keeps its ring alive after the ring fd is
 * closed (with its SQPOLL thread), so a closed ring whose inode still shows here was not really released.
 * Only lines ending in {@code anon_inode:[io_uring]} are parsed; the rest of a large maps file is skipped
 * byte-wise.
 */
public final class ProcMaps {
    private static final String RING_NAME = " " + FdTargets.IO_URING;

    private ProcMaps() {
    }

    public static ProcResult<RingMappings> ringMappings(ProcRoot root) {
        Path file = root.maps();
        try (ProcLineReader r = ProcLineReader.open(file)) {
            List<RingMapping> found = new ArrayList<>();
            while (r.next()) {
                if (r.endsWith(RING_NAME)) {
                    found.add(parse(r));
                }
            }
            return ProcResult.ok(new RingMappings(found));
        } catch (IOException e) {
            return ProcResult.failed(ProcError.fromIo(file, e));
        } catch (ProcFormatException e) {
            return ProcResult.failed(ProcError.malformed(file, e));
        }
    }

    /** {@code start-end perms offset major:minor inode   name}. */
    private static RingMapping parse(ProcLineReader r) throws ProcFormatException {
        int dash = r.indexOf('-', 0);
        int rangeEnd = r.tokenEnd(0);
        if (dash <= 0 || dash > rangeEnd) {
            throw r.malformed("expected <start>-<end> address range: " + r.quoted());
        }
        long start = r.hex(0, dash, "mapping start");
        long end = r.hex(dash + 1, rangeEnd, "mapping end");
        if (end <= start) {
            throw r.malformed("mapping ends before it starts: " + r.quoted());
        }
        int permsAt = r.skipBlanks(rangeEnd);
        int permsEnd = r.tokenEnd(permsAt);
        if (permsEnd - permsAt != 4) {
            throw r.malformed("expected 4-letter permissions: " + r.quoted());
        }
        String perms = r.text(permsAt, permsEnd);
        int offAt = r.skipBlanks(permsEnd);
        int offEnd = r.tokenEnd(offAt);
        long offset = r.hex(offAt, offEnd, "mapping offset");
        int devAt = r.skipBlanks(offEnd);
        int devEnd = r.tokenEnd(devAt);
        if (r.indexOf(':', devAt) < 0 || r.indexOf(':', devAt) >= devEnd) {
            throw r.malformed("expected <major>:<minor> device: " + r.quoted());
        }
        int inoAt = r.skipBlanks(devEnd);
        int inoEnd = r.tokenEnd(inoAt);
        long inode = r.decimal(inoAt, inoEnd, "mapping inode");
        if (inode <= 0) {
            throw r.malformed("io_uring mapping without an inode: " + r.quoted());
        }
        return new RingMapping(start, end, perms, offset, inode);
    }

    /**
     * Which ring region a mapping is, from its mmap offset: IORING_OFF_SQ_RING, _CQ_RING, _SQES in
     * io_uring.h, and IORING_OFF_PBUF_RING ({@code 0x80000000 + (bgid << 16)}) in newer headers.
     */
    public enum Region {
        SQ_RING, CQ_RING, SQES, PROVIDED_BUFFER_RING, OTHER;

        private static final long MASK = 0xf8000000L;

        static Region of(long offset) {
            long o = offset & MASK;
            if (o == 0L) {
                return SQ_RING;
            }
            if (o == 0x8000000L) {
                return CQ_RING;
            }
            if (o == 0x10000000L) {
                return SQES;
            }
            return offset >= 0x80000000L && offset < 0x80000000L + (1L << 32) ? PROVIDED_BUFFER_RING : OTHER;
        }
    }

    /**
     * One io_uring mapping.
     *
     * @param start  first address
     * @param end    address after the last byte
     * @param perms  e.g. {@code rw-s}
     * @param offset the mmap offset (IORING_OFF_SQ_RING, IORING_OFF_SQES, ...)
     * @param inode  the ring's inode: the same number the ring's fdinfo showed as {@code ino}
     */
    public record RingMapping(long start, long end, String perms, long offset, long inode) {
        public long bytes() {
            return end - start;
        }

        public Region region() {
            return Region.of(offset);
        }
    }

    /** All io_uring mappings of the process. */
    public record RingMappings(List<RingMapping> all) {
        public RingMappings {
            all = List.copyOf(all);
        }

        /** True when some mapping belongs to the ring with this inode. */
        public boolean maps(long inode) {
            for (RingMapping m : all) {
                if (m.inode() == inode) {
                    return true;
                }
            }
            return false;
        }

        /** Bytes mapped of the ring with this inode (0 when none). */
        public long bytes(long inode) {
            long sum = 0;
            for (RingMapping m : all) {
                if (m.inode() == inode) {
                    sum += m.bytes();
                }
            }
            return sum;
        }

        /** The mappings of the ring with this inode. */
        public List<RingMapping> of(long inode) {
            return all.stream().filter(m -> m.inode() == inode).toList();
        }

        /** Distinct ring inodes that have mappings, ascending. */
        public long[] inodes() {
            return all.stream().mapToLong(RingMapping::inode).distinct().sorted().toArray();
        }
    }
}
