package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.finding.Finding;

import dev.ringwatch.agent.proc.ProcResult;
import dev.ringwatch.agent.proc.ProcView;
import dev.ringwatch.agent.proc.RingFdInfo;
import dev.ringwatch.agent.proc.SqpollThreads;

import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules about closed tracked rings: "closed ring still mapped" (the kernel keeps a ring alive while any
 * mapping of it remains, and its SQPOLL thread with it) and "SQPOLL thread outlived ring" (the thread is
 * alive past the grace period and no open ring shares it). Each closed ring is watched from the first round
 * that sees it closed until nothing of it remains in the kernel; one report covers the ring and its thread.
 */
final class ClosedRingRules {

    /** One closed ring being watched. */
    static final class Watch {
        final TrackedRing ring;
        final long inode;
        int tid;
        /** An fd (a dup) that still refers to the closed ring this round, or -1. */
        int keptByFd = -1;
        int mappedStreak;
        long bytesMapped;
        boolean mappedReported;
        boolean outlivedReported;

        Watch(TrackedRing ring, long inode, int tid) {
            this.ring = ring;
            this.inode = inode;
            this.tid = tid;
        }

        boolean mapped() {
            return mappedStreak > 0;
        }

        /** SQPOLL ring with a thread of its own (not attached to another ring's). */
        boolean ownsThread() {
            return ring.sqpoll() && ring.facts().attachedRingId() == 0;
        }
    }

    private final ProcView proc;
    private final ReconcilerOptions options;
    private final Reporter out;
    private final String threadName;
    private final Map<Long, Watch> watches = new HashMap<>();
    private final Map<Long, Watch> byInode = new HashMap<>();
    /** Ring ids whose watch is over, so a tracker still listing them does not start another. */
    private final Map<Long, Boolean> finished;

    ClosedRingRules(ProcView proc, ReconcilerOptions options, Reporter out, String threadName) {
        this.proc = proc;
        this.options = options;
        this.out = out;
        this.threadName = threadName;
        int cap = options.maxEntries();
        this.finished = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > cap;
            }
        };
    }

    /** Starts watching the rings the tracker lists as closed for the first time. */
    void absorb(Round round, OpenRingPass open) {
        for (TrackedRing r : round.tracked.closed) {
            long id = r.ringId();
            if (watches.containsKey(id) || finished.containsKey(id)) {
                continue;
            }
            OpenRingPass.Learned l = open.forget(id);
            long inode = r.inode() > 0 ? r.inode() : l != null ? l.inode : -1;
            int tid = l != null && l.tid > 0 ? l.tid : -1;
            if (tid <= 0 && r.sqpoll() && r.sqThreadTid() > 0 && isSqpollThread(round, r.sqThreadTid())) {
                tid = r.sqThreadTid();
            }
            if (watches.size() >= options.maxEntries()) {
                evictOldest();
            }
            Watch w = new Watch(r, inode, tid);
            watches.put(id, w);
            if (inode > 0) {
                byInode.put(inode, w);
            }
        }
        for (Watch w : watches.values()) {
            w.keptByFd = -1;
        }
    }

    /** The watch of the closed ring with this inode, or null. */
    Watch byInode(long inode) {
        return byInode.get(inode);
    }

    /** An fd refers to {@code w}'s ring: it keeps the ring alive, and its fdinfo names the thread. */
    void keptBy(Watch w, int fd, RingFdInfo infoOrNull) {
        w.keptByFd = fd;
        if (w.ring.sqpoll() && w.tid <= 0) {
            RingFdInfo info = infoOrNull;
            if (info == null && proc.ringFdInfo(fd) instanceof ProcResult.Ok<RingFdInfo> ok) {
                info = ok.value();
            }
            if (info != null && info.ino() == w.inode && info.sqThread() > 0 && isSqpollThread(null, info.sqThread())) {
                w.tid = info.sqThread();
            }
        }
    }

    Collection<Watch> watches() {
        return watches.values();
    }

    /**
     * Applies both rules to every watch. {@code foreignTids} are SQPOLL threads of rings this reconciler did
     * not make but saw open this round (by tid, with the ring's inode).
     */
    void check(Round round, Map<Integer, Long> foreignTids) {
        if (round.maps == null) {
            return; // without maps neither rule can tell a mapping-kept ring from a thread that outlived it
        }
        for (Watch w : watches.values()) {
            if (w.keptByFd == w.ring.ringFd()) {
                // its own fd still is the ring: the close is under way (the tracker hears of a close before
                // the library unmaps and closes the fd; on a busy machine that can span rounds), not finished
                w.mappedStreak = 0;
                continue;
            }
            if (w.inode > 0 && round.maps.maps(w.inode)) {
                w.mappedStreak++;
                w.bytesMapped = round.maps.bytes(w.inode);
                if (w.mappedStreak >= options.confirmRounds() && !w.mappedReported) {
                    w.mappedReported = true;
                    out.leak(stillMapped(round, w));
                }
            } else {
                w.mappedStreak = 0;
            }
        }
        for (Watch w : watches.values()) {
            if (outlived(round, w, foreignTids)) {
                w.outlivedReported = true;
                out.leak(outlivedFinding(round, w));
            }
        }
        if (round.fds == null) {
            return; // an fd we could not list may still keep a ring alive: keep every watch
        }
        for (Iterator<Watch> it = watches.values().iterator(); it.hasNext(); ) {
            Watch w = it.next();
            if (over(round, w)) {
                it.remove();
                byInode.remove(w.inode, w);
                finished.put(w.ring.ringId(), Boolean.TRUE);
            }
        }
    }

    private boolean outlived(Round round, Watch w, Map<Integer, Long> foreignTids) {
        if (!w.ring.sqpoll() || w.tid <= 0 || w.outlivedReported || w.mappedReported || w.mapped()) {
            return false;
        }
        if (round.now - w.ring.closedNanos() < options.sqpollGraceNanos(w.ring.facts().sqThreadIdleMillis())) {
            return false;
        }
        if (!isSqpollThread(round, w.tid)) {
            return false;
        }
        if (round.openTids.containsKey(w.tid) || sharesWithOpenRing(round, w)) {
            return false;
        }
        Long foreign = foreignTids.get(w.tid);
        if (foreign != null && foreign != w.inode) {
            return false; // a ring we did not make shares the thread (ATTACH_WQ)
        }
        for (Watch other : watches.values()) {
            if (other != w && other.tid == w.tid && other.mapped()) {
                return false; // another closed ring that is still mapped keeps the thread: its report covers it
            }
        }
        return true;
    }

    /** ATTACH_WQ either way: the closed ring was attached to an open ring, or an open ring to it. */
    private static boolean sharesWithOpenRing(Round round, Watch w) {
        if (w.ring.facts().attachedRingId() != 0 && round.tracked.open.containsKey(w.ring.facts().attachedRingId())) {
            return true;
        }
        for (TrackedRing r : round.tracked.open.values()) {
            if (r.facts().attachedRingId() == w.ring.ringId()) {
                return true;
            }
        }
        return false;
    }

    /** Nothing of the ring is left to watch: unmapped, no fd, and its thread (if any) gone after the grace. */
    private boolean over(Round round, Watch w) {
        if (w.mapped() || w.keptByFd >= 0) {
            return false;
        }
        if (!w.ring.sqpoll()) {
            return true;
        }
        if (round.now - w.ring.closedNanos() < options.sqpollGraceNanos(w.ring.facts().sqThreadIdleMillis())) {
            return false; // until then an unknown thread may still be this ring's
        }
        return w.tid <= 0 || !isSqpollThread(round, w.tid);
    }

    /**
     * Closed SQPOLL rings whose thread is unknown yet may still be alive (mapped, kept by an fd, or within the
     * grace): each may explain one {@code iou-sqp} thread that nothing else explains.
     */
    int unknownThreads(Round round) {
        int n = 0;
        for (Watch w : watches.values()) {
            if (w.ownsThread() && w.tid <= 0 && (w.mapped() || w.keptByFd >= 0
                    || round.now - w.ring.closedNanos() < options.sqpollGraceNanos(w.ring.facts().sqThreadIdleMillis()))) {
                n++;
            }
        }
        return n;
    }

    private boolean isSqpollThread(Round round, int tid) {
        Boolean listed = round == null ? null : round.threadListed(tid);
        if (listed != null) {
            return listed;
        }
        return proc.sqpollThreadAlive(tid) instanceof ProcResult.Ok<Boolean> ok && ok.value();
    }

    private void evictOldest() {
        Watch oldest = null;
        for (Watch w : watches.values()) {
            if (oldest == null || w.ring.closedNanos() - oldest.ring.closedNanos() < 0) {
                oldest = w;
            }
        }
        if (oldest != null) {
            watches.remove(oldest.ring.ringId());
            byInode.remove(oldest.inode, oldest);
            finished.put(oldest.ring.ringId(), Boolean.TRUE);
            out.dropped();
        }
    }

    private Finding stillMapped(Round round, Watch w) {
        TrackedRing r = w.ring;
        return new Finding.ClosedRingStillMapped(r.facts().library(), r.ringId(), r.ringFd(), r.facts().setupFlagText(), r.sqpoll(), r.facts().ownerClass(),
                r.creatingThread(), round.now - r.createdNanos(), r.creationSite(), w.bytesMapped, w.tid, w.inode,
                round.now - r.closedNanos(), r.closeSite());
    }

    private Finding outlivedFinding(Round round, Watch w) {
        TrackedRing r = w.ring;
        return new Finding.SqpollThreadOutlivedRing(w.tid, threadName, r.ringId(), r.ringFd(), r.facts().setupFlagText(),
                round.now - r.closedNanos(), r.facts().ownerClass(), r.creatingThread(), r.creationSite(),
                r.facts().sqThreadIdleMillis(), options.sqpollGraceNanos(r.facts().sqThreadIdleMillis()), r.closeSite(), w.keptByFd);
    }

    static String sqpollThreadName() {
        return SqpollThreads.COMM_PREFIX + ProcessHandle.current().pid();
    }

    /** A suspicion counted in the last round and not yet reported: a further round could confirm it. */
    boolean suspicionsPending() {
        for (Watch w : watches.values()) {
            if (w.mapped() && !w.mappedReported) {
                return true;
            }
        }
        return false;
    }
}
