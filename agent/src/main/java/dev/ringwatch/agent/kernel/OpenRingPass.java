package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.proc.FdTargets;
import dev.ringwatch.agent.proc.ProcError;
import dev.ringwatch.agent.proc.ProcResult;
import dev.ringwatch.agent.proc.ProcView;
import dev.ringwatch.agent.proc.RingFdInfo;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks each open tracked ring against the kernel: its fd must still be that ring (same inode), its
 * fdinfo is read (the slot rules need it), and its SQPOLL thread's tid is learned while it is open, so it
 * is known after the close. A ring whose fd was closed or reused behind ringwatch's back gives one line and
 * is then left alone: no leak is judged on a fd that is no longer the ring.
 */
final class OpenRingPass {

    /** What the kernel told us about one open tracked ring. */
    static final class Learned {
        final long ringId;
        long inode;
        int tid = -1;
        boolean trackerTidChecked;
        /** Its fd is no longer the ring (closed or reused behind ringwatch's back). */
        boolean lost;

        Learned(TrackedRing r) {
            this.ringId = r.ringId();
            this.inode = r.inode();
        }
    }

    private final ProcView proc;
    private final ReconcilerOptions options;
    private final Reporter out;
    private final Map<Long, Learned> learned = new HashMap<>();
    private final Confirmations<Long> lostSuspects;

    OpenRingPass(ProcView proc, ReconcilerOptions options, Reporter out) {
        this.proc = proc;
        this.options = options;
        this.out = out;
        this.lostSuspects = new Confirmations<>(options.maxEntries());
    }

    void run(Round round) {
        for (TrackedRing r : round.tracked.open.values()) {
            Learned l = learned.get(r.ringId());
            if (l == null) {
                if (learned.size() >= options.maxEntries()) {
                    out.dropped();
                    continue;
                }
                l = new Learned(r);
                learned.put(r.ringId(), l);
            }
            if (!l.lost) {
                check(round, r, l);
            }
            if (l.inode > 0) {
                round.openInodes.add(l.inode);
            }
            if (l.tid > 0) {
                round.openTids.put(l.tid, r.ringId());
            } else if (r.sqpoll() && r.facts().attachedRingId() == 0) {
                round.openUnknownThreads++;
            }
        }
        lostSuspects.endRound();
    }

    /** The memory of a ring the tracker now lists as closed (or forgot); null if it was never seen open. */
    Learned forget(long ringId) {
        return learned.remove(ringId);
    }

    /** Drops memory of rings the tracker no longer lists as open. */
    void retainOpen(Round round) {
        for (Iterator<Long> it = learned.keySet().iterator(); it.hasNext(); ) {
            long id = it.next();
            if (!round.tracked.open.containsKey(id)) {
                it.remove();
                out.clear(lostKey(id));
                out.clear(fdinfoKey(id));
            }
        }
    }

    Learned learned(long ringId) {
        return learned.get(ringId);
    }

    private void check(Round round, TrackedRing r, Learned l) {
        int fd = r.ringFd();
        String lostWhy = null;
        if (round.fds != null) {
            String target = round.fdTarget(fd);
            if (target == null) {
                lostWhy = "fd " + fd + " is closed";
            } else if (!FdTargets.isIoUring(target)) {
                lostWhy = "fd " + fd + " now points at " + target;
            }
        }
        if (lostWhy == null) {
            ProcResult<RingFdInfo> read = proc.ringFdInfo(fd);
            if (read instanceof ProcResult.Ok<RingFdInfo> ok) {
                RingFdInfo info = ok.value();
                if (l.inode > 0 && info.ino() != l.inode) {
                    lostWhy = "fd " + fd + " now refers to another io_uring (inode " + info.ino() + ", the ring's was "
                            + l.inode + ")";
                    round.reusedRingFds.put(fd, info);
                } else {
                    l.inode = info.ino();
                    round.verified.put(r.ringId(), info);
                    learnTid(l, info.sqThread());
                    out.clear(fdinfoKey(r.ringId()));
                }
            } else {
                ProcError error = read.errorOrNull();
                round.allTrackedInfoRead = false;
                switch (error.kind()) {
                    case MISSING -> lostWhy = "fd " + fd + " is closed";
                    case NOT_IO_URING -> lostWhy = error.message();
                    case BUSY -> lostSuspects.hold(r.ringId());
                    case UNREADABLE, MALFORMED -> out.fault(fdinfoKey(r.ringId()), "cannot read the kernel's view of ring "
                            + r.ringId() + " (fd " + fd + "): " + error + "; its slots are not checked until it reads again");
                }
            }
        }
        if (l.tid <= 0 && !l.trackerTidChecked && r.sqThreadTid() > 0) {
            l.trackerTidChecked = true;
            learnTid(l, r.sqThreadTid());
        }
        if (lostWhy != null) {
            round.allTrackedInfoRead = false;
            if (lostSuspects.seen(r.ringId()) >= options.confirmRounds()) {
                l.lost = true;
                out.fault(lostKey(r.ringId()), "ring " + r.ringId() + " (fd " + fd + ", " + describe(r)
                        + ") was closed behind ringwatch's back: " + lostWhy + "; it is no longer checked (no leak is"
                        + " judged on it) until ring-core closes it");
            }
        }
    }

    /** fdinfo names the creating thread until the SQPOLL thread first runs: trust only a live iou-sqp tid. */
    private void learnTid(Learned l, int tid) {
        if (tid <= 0 || tid == l.tid) {
            return;
        }
        if (proc.sqpollThreadAlive(tid) instanceof ProcResult.Ok<Boolean> ok && ok.value()) {
            l.tid = tid;
        }
    }

    private static String describe(TrackedRing r) {
        return r.facts().setupFlagText().isEmpty() ? "no setup flags" : r.facts().setupFlagText();
    }

    static String lostKey(long ringId) {
        return "lost:" + ringId;
    }

    static String fdinfoKey(long ringId) {
        return "fdinfo:" + ringId;
    }

    /** A suspicion counted in the last round and not yet reported: a further round could confirm it. */
    boolean suspicionsPending() {
        return lostSuspects.size() > 0;
    }
}
