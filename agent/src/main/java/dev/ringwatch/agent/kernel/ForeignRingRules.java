package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.finding.Finding;

import dev.ringwatch.agent.proc.FdTable;
import dev.ringwatch.agent.proc.ProcResult;
import dev.ringwatch.agent.proc.ProcView;
import dev.ringwatch.agent.proc.RingFdInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The "untracked ring" rule: io_uring fds and {@code iou-sqp} threads that no ring made through ring-core
 * explains (a native library's ring, raw syscalls). Rings found here are remembered by inode (each ring has
 * its own, never reused), with their SQPOLL thread, so each is reported once and its thread is not reported
 * again on its own. Rings adopted by an attach are known and never reported. fdinfo is read once per new
 * ring (and until an SQPOLL ring's thread is confirmed), not every round.
 */
final class ForeignRingRules {
    /** Reads of an SQPOLL ring's fdinfo to confirm its thread before giving up. */
    private static final int TID_ATTEMPTS = 5;

    /** A ring this reconciler did not make. */
    static final class Foreign {
        final long inode;
        int fd;
        boolean adopted;
        boolean reported;
        boolean infoRead;
        int tidAttempts;
        int sqThreadShown;
        int tid = -1;
        int occupied = -1;
        String summary = "";
        long seenRound;

        Foreign(long inode) {
            this.inode = inode;
        }
    }

    private final ProcView proc;
    private final ReconcilerOptions options;
    private final Reporter out;
    private final String threadName;
    private final Map<Long, Foreign> foreign = new HashMap<>();
    private final Set<Long> adoptPending = new HashSet<>();
    private final Set<Integer> adoptedTids = new HashSet<>();
    private final Set<Integer> reportedTids = new HashSet<>();
    private final Confirmations<Long> ringSuspects;
    private final Confirmations<Integer> threadSuspects;
    private long roundNo;

    ForeignRingRules(ProcView proc, ReconcilerOptions options, Reporter out, String threadName) {
        this.proc = proc;
        this.options = options;
        this.out = out;
        this.threadName = threadName;
        this.ringSuspects = new Confirmations<>(options.maxEntries());
        this.threadSuspects = new Confirmations<>(options.maxEntries());
    }

    /** Marks the ring with {@code inode} as known (adopted by an attach): never reported. */
    void adopt(long inode) {
        Foreign f = foreign.get(inode);
        if (f != null) {
            f.adopted = true;
        } else if (adoptPending.size() < options.maxEntries()) {
            adoptPending.add(inode);
        } else {
            out.dropped();
        }
    }

    /** Marks these threads (present when an attach adopted the process's rings) as known. */
    void adoptThreads(int[] tids) {
        for (int tid : tids) {
            if (adoptedTids.size() < options.maxEntries()) {
                adoptedTids.add(tid);
            }
        }
    }

    /**
     * Sorts this round's io_uring fds: the tracked rings' own (skipped), dups of open or closed tracked rings
     * (a closed one is kept alive by it: told to {@code closed}), and the rest, remembered and read here.
     */
    void scanFds(Round round, ClosedRingRules closed, Map<Integer, TrackedRing> openByFdOwner) {
        roundNo++;
        FdTable fds = round.fds;
        if (fds == null) {
            return;
        }
        for (int fd : fds.ringFds()) {
            RingFdInfo info = round.reusedRingFds.get(fd);
            long inode;
            if (info != null) {
                inode = info.ino();
            } else {
                TrackedRing owner = openByFdOwner.get(fd);
                if (owner != null && round.verified.containsKey(owner.ringId())) {
                    continue;
                }
                if (!(proc.fdInode(fd) instanceof ProcResult.Ok<Long> ok)) {
                    continue; // closed meanwhile
                }
                inode = ok.value();
            }
            if (round.openInodes.contains(inode)) {
                continue; // the tracked ring's fd, or a dup of it
            }
            ClosedRingRules.Watch w = closed.byInode(inode);
            if (w != null) {
                closed.keptBy(w, fd, info);
                continue;
            }
            Foreign f = foreign.get(inode);
            if (f == null) {
                if (foreign.size() >= options.maxEntries()) {
                    out.dropped();
                    continue;
                }
                f = new Foreign(inode);
                f.adopted = adoptPending.remove(inode);
                foreign.put(inode, f);
            }
            if (round.tracked.capInodes.contains(inode)) {
                f.adopted = true; // a library's ring the tracker dropped at its cap: known, not untracked
            }
            f.fd = fd;
            f.seenRound = roundNo;
            if (!f.infoRead || (f.sqThreadShown > 0 && f.tid <= 0 && f.tidAttempts < TID_ATTEMPTS)) {
                read(f, info);
            }
        }
    }

    private void read(Foreign f, RingFdInfo known) {
        RingFdInfo info = known;
        if (info == null) {
            ProcResult<RingFdInfo> r = proc.ringFdInfo(f.fd);
            if (!(r instanceof ProcResult.Ok<RingFdInfo> ok)) {
                return; // busy or gone: no conclusion this round
            }
            info = ok.value();
        }
        if (info.ino() != f.inode) {
            return; // the fd was reused between the stat and the read
        }
        f.infoRead = true;
        f.sqThreadShown = info.sqThread();
        if (info.sqThread() > 0) {
            f.tidAttempts++;
            if (proc.sqpollThreadAlive(info.sqThread()) instanceof ProcResult.Ok<Boolean> ok && ok.value()) {
                f.tid = info.sqThread();
            }
        }
        f.occupied = info.files().listed() ? info.files().occupied().size() : -1;
        f.summary = summary(info, f.tid);
    }

    /** SQPOLL threads of the foreign rings this round knows, by tid, with the ring's inode. */
    Map<Integer, Long> foreignTids() {
        Map<Integer, Long> tids = new HashMap<>();
        for (Foreign f : foreign.values()) {
            if (f.tid > 0) {
                tids.put(f.tid, f.inode);
            }
        }
        return tids;
    }

    /** Reports the foreign rings that stayed unexplained long enough, then forgets the ones that are gone. */
    void checkRings(Round round) {
        if (round.fds == null) {
            return;
        }
        for (Iterator<Foreign> it = foreign.values().iterator(); it.hasNext(); ) {
            Foreign f = it.next();
            if (f.seenRound != roundNo) {
                // Gone from the fd table; keep it while still mapped (its thread lives on with it).
                if (round.maps != null && !round.maps.maps(f.inode)) {
                    it.remove();
                }
                continue;
            }
            if (f.adopted || f.reported) {
                continue;
            }
            if (!f.infoRead || round.tracked.undecided) {
                ringSuspects.hold(f.inode); // no conclusion yet (a ring being set up, a cap-dropped one not read)
                continue;
            }
            if (ringSuspects.seen(f.inode) >= options.confirmRounds()) {
                f.reported = true;
                out.leak(new Finding.UntrackedRing(f.fd, f.inode, f.tid, f.occupied, f.summary));
            }
        }
        ringSuspects.endRound();
    }

    /**
     * Reports {@code iou-sqp} threads nothing explains: not an open tracked ring's, not a closed one's being
     * watched, not a foreign ring's, not adopted. SQPOLL rings whose tid is not learned (yet) may each own one
     * of the unexplained threads, so that many are let go.
     */
    void checkThreads(Round round, ClosedRingRules closed) {
        int[] tids = round.sqThreads;
        if (tids == null) {
            return;
        }
        Set<Integer> explained = new HashSet<>(round.openTids.keySet());
        for (ClosedRingRules.Watch w : closed.watches()) {
            if (w.tid > 0) {
                explained.add(w.tid);
            }
        }
        for (Foreign f : foreign.values()) {
            if (f.tid > 0) {
                explained.add(f.tid);
            }
        }
        explained.addAll(adoptedTids);
        int capUnconfirmed = 0;
        for (CapDroppedRing c : round.tracked.capDropped) {
            Foreign f = foreign.get(c.inode());
            if (f != null && f.tid > 0) {
                continue; // explained above
            }
            if (c.sqThreadTid() > 0 && round.threadListed(c.sqThreadTid()) == Boolean.TRUE) {
                explained.add(c.sqThreadTid());
            } else if (c.sqpoll()) {
                capUnconfirmed++;
            }
        }
        List<Integer> unexplained = new ArrayList<>();
        for (int tid : tids) {
            if (!explained.contains(tid)) {
                unexplained.add(tid);
            }
        }
        int maybeOwned = round.openUnknownThreads + closed.unknownThreads(round) + unreadForeignRings() + capUnconfirmed;
        for (int i = round.tracked.undecided ? unexplained.size() : maybeOwned; i < unexplained.size(); i++) {
            int tid = unexplained.get(i);
            if (threadSuspects.seen(tid) >= options.confirmRounds() && !reportedTids.contains(tid)) {
                reportedTids.add(tid);
                out.leak(new Finding.UntrackedSqpollThread(tid, threadName));
            }
        }
        threadSuspects.endRound();
        Set<Integer> alive = new HashSet<>(tids.length * 2);
        for (int tid : tids) {
            alive.add(tid);
        }
        reportedTids.retainAll(alive);
        adoptedTids.retainAll(alive);
    }

    /** Foreign SQPOLL rings whose thread is not confirmed yet (fdinfo busy, or not read): they may own one. */
    private int unreadForeignRings() {
        int n = 0;
        for (Foreign f : foreign.values()) {
            if (f.tid <= 0 && (!f.infoRead || f.sqThreadShown > 0)) {
                n++;
            }
        }
        return n;
    }

    int size() {
        return foreign.size();
    }

    /** {@code file flags 02000002, SQ 64 / CQ 128 entries, SqThread 4242, UserFiles 16 (2 occupied), UserBufs 0}. */
    static String summary(RingFdInfo info, int confirmedTid) {
        StringBuilder b = new StringBuilder(128);
        if (info.fileFlags() >= 0) {
            b.append("file flags 0").append(Integer.toOctalString(info.fileFlags())).append(", ");
        }
        if (info.indexes().sqEntries() > 0) {
            b.append("SQ ").append(info.indexes().sqEntries()).append(" / CQ ").append(info.indexes().cqEntries())
                    .append(" entries, ");
        }
        b.append("SqThread ").append(info.sqThread());
        if (info.sqThread() > 0 && confirmedTid != info.sqThread()) {
            b.append(" (not yet running)");
        }
        b.append(", UserFiles ").append(info.files().size());
        if (info.files().listed()) {
            b.append(" (").append(info.files().occupied().size()).append(" occupied)");
        }
        b.append(", UserBufs ").append(info.buffers().size());
        return b.toString();
    }

    /** A suspicion counted in the last round and not yet reported: a further round could confirm it. */
    boolean suspicionsPending() {
        return ringSuspects.size() > 0 || threadSuspects.size() > 0;
    }
}
