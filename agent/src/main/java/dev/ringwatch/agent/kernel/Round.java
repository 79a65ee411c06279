package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.proc.FdTable;
import dev.ringwatch.agent.proc.ProcMaps;
import dev.ringwatch.agent.proc.RingFdInfo;
import dev.ringwatch.agent.proc.SockStat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one round read from /proc and the tracker, and what the passes learned from it for the rules after
 * them. A field is null when its /proc file could not be read this round: rules that need it conclude
 * nothing.
 */
final class Round {
    final long now;
    final TrackedView tracked;
    private final TrackedState state;
    FdTable fds;
    /** What readlink shows for the fd of the /proc/self/fd listing itself (it takes the lowest free number). */
    String listingDir;
    ProcMaps.RingMappings maps;
    int[] sqThreads;
    SockStat sockStat;

    /** fdinfo of open tracked rings whose fd was verified this round (still the ring), by ring id. */
    final Map<Long, RingFdInfo> verified = new HashMap<>();
    /** A tracked ring's fd that now refers to another io_uring: that ring's fdinfo, by fd. */
    final Map<Integer, RingFdInfo> reusedRingFds = new HashMap<>();
    /** Inodes of open tracked rings (what a dup of their fd shows). */
    final Set<Long> openInodes = new HashSet<>();
    /** SQPOLL tids of open tracked rings, by tid, with the ring id. */
    final Map<Integer, Long> openTids = new HashMap<>();
    /** Open tracked SQPOLL rings with a thread of their own whose tid is not learned yet. */
    int openUnknownThreads;
    /** False when some open tracked ring's fdinfo could not be read: kernel slot counts are then unknown. */
    boolean allTrackedInfoRead = true;

    Round(long now, TrackedState state, TrackedView tracked) {
        this.now = now;
        this.state = state;
        this.tracked = tracked;
    }

    /** The tracker's count of CQEs ready on an open ring; -1 when it does not know (or fails to say). */
    int cqReady(long ringId) {
        try {
            return state.cqReady(ringId);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * What {@code fd} pointed at when the fds were listed; null when it was closed (or was the listing's own
     * directory fd, which took a just-closed number only for the listing). Call only when {@link #fds} is set.
     */
    String fdTarget(int fd) {
        String t = fds.target(fd);
        return t != null && t.equals(listingDir) ? null : t;
    }

    /** Whether {@code tid} is a live SQPOLL thread per this round's listing; null when not listed. */
    Boolean threadListed(int tid) {
        if (sqThreads == null) {
            return null;
        }
        return java.util.Arrays.binarySearch(sqThreads, tid) >= 0;
    }
}
