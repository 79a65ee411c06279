package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.finding.Finding;

import dev.ringwatch.agent.proc.FdTable;
import dev.ringwatch.agent.proc.FdTargets;
import dev.ringwatch.agent.proc.RingFdInfo;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The slot rules. "fd closed under slot": fdinfo still lists the file a slot was given while the fd that was
 * registered no longer points at it (closed, or reused by another file), so only the slot keeps the file
 * open. "slot release stalled": a released slot's tag CQE has not come within the grace period although
 * the ring's CQ is empty (a tag CQE waiting there to be reaped is no stall). Each registration is reported
 * at most once per rule.
 */
final class SlotRules {
    /** One registration: ring, slot, tag and registration time tell registrations of a slot apart. */
    record Key(long ringId, int slot, long tag, long registeredNanos) {
        static Key of(TrackedSlot s) {
            return new Key(s.ringId(), s.slot(), s.tag(), s.registeredNanos());
        }
    }

    private final ReconcilerOptions options;
    private final Reporter out;
    private final Confirmations<Key> fdClosedSuspects;
    private final Set<Key> fdClosedReported = new HashSet<>();
    private final Set<Key> stallReported = new HashSet<>();

    SlotRules(ReconcilerOptions options, Reporter out) {
        this.options = options;
        this.out = out;
        this.fdClosedSuspects = new Confirmations<>(options.maxEntries());
    }

    void check(Round round) {
        Set<Key> present = new HashSet<>();
        for (Map.Entry<Long, TrackedRing> e : round.tracked.open.entrySet()) {
            TrackedRing ring = e.getValue();
            RingFdInfo info = round.verified.get(ring.ringId());
            List<TrackedSlot> slots = round.tracked.slots(ring.ringId());
            for (TrackedSlot s : slots) {
                Key key = Key.of(s);
                present.add(key);
                if (s.occupied()) {
                    fdClosed(round, ring, info, s, key);
                } else if (s.awaitingDrop()) {
                    stalled(round, ring, info, s, key);
                }
            }
        }
        fdClosedSuspects.endRound();
        fdClosedReported.retainAll(present);
        stallReported.retainAll(present);
    }

    private void fdClosed(Round round, TrackedRing ring, RingFdInfo info, TrackedSlot s, Key key) {
        if (s.fd() < 0 || fdClosedReported.contains(key)) {
            return;
        }
        FdTable fds = round.fds;
        if (fds == null || info == null) {
            fdClosedSuspects.hold(key);
            return;
        }
        if (!info.files().listed()) {
            fdClosedSuspects.hold(key); // the kernel did not print the slots this time (older kernels, lock busy)
            return;
        }
        RingFdInfo.FileSlot held = info.files().slot(s.slot());
        if (held == null || !SlotFiles.compatible(s.target(), held.target())) {
            return; // the slot is empty or holds another registration's file: not this registration's leak
        }
        String now = round.fdTarget(s.fd());
        if (now != null && (now.equals(held.target()) || (!s.target().isEmpty() && now.equals(s.target())))) {
            return; // the fd still points at the file
        }
        long socket = FdTargets.socketInode(held.target());
        if (socket >= 0 && fds.hasSocket(socket)) {
            return; // another fd (a dup) still holds the socket: the slot is not all that keeps it
        }
        if (fdClosedSuspects.seen(key) >= options.confirmRounds()) {
            fdClosedReported.add(key);
            out.leak(new Finding.FdClosedUnderSlot(ring.ringId(), ring.ringFd(), s.slot(), s.fd(), held.target(), s.tag(),
                    s.ownerClass(), s.thread(), round.now - s.registeredNanos(), s.site(), now == null ? "" : now));
        }
    }

    private void stalled(Round round, TrackedRing ring, RingFdInfo info, TrackedSlot s, Key key) {
        if (s.tag() == 0 || stallReported.contains(key)) {
            return;
        }
        long stalledFor = round.now - s.releasedNanos();
        if (stalledFor < options.stallGrace().toNanos()) {
            return;
        }
        if (cqNotEmpty(round, ring, info)) {
            return; // the tag CQE may be sitting in the CQ, unreaped
        }
        InFlightOp oldest = round.tracked.oldestInFlight.get(ring.ringId());
        String what = oldest == null ? "" : oldest.op() + " on slot " + oldest.slot() + " (user data 0x"
                + Long.toHexString(oldest.userData()) + ")";
        long age = oldest == null ? 0 : round.now - oldest.armedSinceNanos();
        stallReported.add(key);
        out.leak(new Finding.SlotReleaseStalled(ring.ringId(), ring.ringFd(), s.slot(), s.tag(), s.target(), stalledFor,
                what, age, round.tracked.pendingReleases(ring.ringId())));
    }

    /** True unless the CQ is known to be empty (the tracker's count, else the kernel's fdinfo indexes). */
    private static boolean cqNotEmpty(Round round, TrackedRing ring, RingFdInfo info) {
        int ready = round.cqReady(ring.ringId());
        if (ready > 0) {
            return true;
        }
        if (info != null) {
            RingFdInfo.Indexes idx = info.indexes();
            if (idx.cqHead() >= 0 && idx.cqTail() >= 0) {
                return ((int) idx.cqTail() - (int) idx.cqHead()) != 0;
            }
        }
        return ready < 0; // neither the tracker nor the kernel could say
    }

    /** A suspicion counted in the last round and not yet reported: a further round could confirm it. */
    boolean suspicionsPending() {
        return fdClosedSuspects.size() > 0;
    }
}
