package dev.ringwatch.agent.track;

import dev.ringwatch.agent.libc.NativeRelease;
import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.proc.ProcMaps;
import dev.ringwatch.agent.proc.ProcView;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Releases what a leak report named (option reclaim): a ring through its own close() while the object is
 * reachable, else by unmapping its recorded mappings and closing its fd, after checking that the fd and
 * each mapping still belong to that ring (same inode), so a reused fd number or address is never touched.
 * A slot through its table's releaseSlot, under the table's lock and only while the tracker's record
 * still holds it. Runs on the tracker's thread only.
 */
final class Reclaimer {
    private final Tracker tracker;

    Reclaimer(Tracker tracker) {
        this.tracker = tracker;
    }

    LeakReport.Reclaim reclaimRing(RingRecord r, Object ring) {
        if (!RingFacts.RING_CORE.equals(r.facts.library())) {
            return new LeakReport.Reclaim(r.id, r.fd, -1, false, "left alone: reclaim releases ring-core's rings only,"
                    + " this one is " + r.facts.library() + "'s");
        }
        if (ring != null) {
            return closeReachable(r, ring);
        }
        return unmapAndClose(r);
    }

    private LeakReport.Reclaim closeReachable(RingRecord r, Object ring) {
        if (!(ring instanceof AutoCloseable closeable)) {
            return new LeakReport.Reclaim(r.id, r.fd, -1, false, "the ring object is not AutoCloseable");
        }
        String notTheRing = notTheRing(r);
        if (notTheRing != null) {
            // a close() that does not check (an older ring-core) would close whatever the number now is
            return new LeakReport.Reclaim(r.id, r.fd, -1, false, notTheRing + "; IoUring.close() not called, so"
                    + " that is not closed");
        }
        tracker.closingForReclaim(r.id);
        try {
            closeable.close();
        } catch (Exception e) {
            return new LeakReport.Reclaim(r.id, r.fd, -1, false, "IoUring.close() failed: " + e);
        } finally {
            tracker.closingForReclaim(0);
        }
        tracker.countReclaimedRing();
        return new LeakReport.Reclaim(r.id, r.fd, -1, true,
                "closed the ring (IoUring.close(): unmapped, fd " + r.fd + " closed"
                        + (r.facts.sqpoll() ? ", its iou-sqp thread exits" : "") + ")");
    }

    /**
     * Why the ring's fd may no longer be the ring (closed, or its number reused: fstat's inode differs from the
     * one read at set-up), or null when it still is. Nothing is closed or unmapped unless this is null.
     */
    private String notTheRing(RingRecord r) {
        long ino = tracker.proc().fdInode(r.fd).orElse(-1L);
        if (ino < 0) {
            return "left alone: fd " + r.fd + " is no longer open";
        }
        if (r.inode < 0) {
            return "left alone: the ring's inode was never read, so fd " + r.fd + " cannot be checked to be the ring";
        }
        if (ino != r.inode) {
            return "left alone: fd " + r.fd + " now refers to another file (inode " + ino + ", the ring's was " + r.inode
                    + "): it was closed behind ring-core's back and the number reused";
        }
        return null;
    }

    private LeakReport.Reclaim unmapAndClose(RingRecord r) {
        String notTheRing = notTheRing(r);
        if (notTheRing != null) {
            return new LeakReport.Reclaim(r.id, r.fd, -1, false, notTheRing);
        }
        NativeRelease libc = NativeRelease.load();
        if (libc == null) {
            return new LeakReport.Reclaim(r.id, r.fd, -1, false, "left alone: unmapping needs JDK 25's FFM API");
        }
        ProcView proc = tracker.proc();
        Set<Long> ringMappings = new HashSet<>();
        for (ProcMaps.RingMapping m : proc.ringMappings().map(all -> all.of(r.inode)).orElse(List.of())) {
            ringMappings.add(m.start());
        }
        int unmapped = 0;
        int skipped = 0;
        for (int i = 0; i + 1 < r.facts.mappings().length; i += 2) {
            long addr = r.facts.mappings()[i];
            if (ringMappings.contains(addr) && libc.munmap(addr, r.facts.mappings()[i + 1]) == 0) {
                unmapped++;
            } else {
                skipped++;
            }
        }
        int rc = libc.close(r.fd);
        tracker.closedByReclaim(r);
        if (rc != 0) {
            return new LeakReport.Reclaim(r.id, r.fd, -1, false, "unmapped " + unmapped + " regions but close(fd "
                    + r.fd + ") failed");
        }
        tracker.countReclaimedRing();
        return new LeakReport.Reclaim(r.id, r.fd, -1, true, "the IoUring object was collected: unmapped " + unmapped
                + " of " + (r.facts.mappings().length / 2) + " regions" + (skipped > 0 ? " (" + skipped + " no longer mapped)" : "")
                + " and closed fd " + r.fd + (r.facts.sqpoll() ? "; its iou-sqp thread exits" : ""));
    }

    LeakReport.Reclaim reclaimSlot(RingRecord r, SlotRecord s) {
        Object table = r.table();
        if (table == null) {
            return new LeakReport.Reclaim(r.id, r.fd, s.slot, false, "left alone: the ring's file table is gone");
        }
        try {
            Method release = table.getClass().getMethod("releaseSlot", int.class);
            synchronized (table) { // FileTable's methods lock the table: nothing registers in between
                if (!r.holds(s)) {
                    return new LeakReport.Reclaim(r.id, r.fd, s.slot, false,
                            "left alone: the slot was released or reused meanwhile");
                }
                release.invoke(table, s.slot);
            }
        } catch (InvocationTargetException e) {
            return new LeakReport.Reclaim(r.id, r.fd, s.slot, false, "FileTable.releaseSlot(" + s.slot + ") failed: "
                    + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return new LeakReport.Reclaim(r.id, r.fd, s.slot, false, "cannot call FileTable.releaseSlot: " + e);
        }
        tracker.countReclaimedSlot();
        return new LeakReport.Reclaim(r.id, r.fd, s.slot, true, "released slot " + s.slot
                + " (FileTable.releaseSlot): the kernel drops its file"
                + (s.fd >= 0 ? "; fd " + s.fd + " itself stays the application's to close" : ""));
    }
}
