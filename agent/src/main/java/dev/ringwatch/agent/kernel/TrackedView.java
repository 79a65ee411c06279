package dev.ringwatch.agent.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One round's copy of the tracker's state, indexed the ways the rules look it up. */
final class TrackedView {
    final Map<Long, TrackedRing> open = new HashMap<>();
    final List<TrackedRing> closed = new ArrayList<>();
    final Map<Long, List<TrackedSlot>> slotsByRing = new HashMap<>();
    final Map<Long, InFlightOp> oldestInFlight = new HashMap<>();
    int occupiedSlots;
    int pendingReleases;
    int sqpollRings;
    /** Rings the tracker dropped at its cap (a library's, never untracked), by inode where it is known. */
    final List<CapDroppedRing> capDropped = new ArrayList<>();
    final Set<Long> capInodes = new HashSet<>();
    /**
     * No io_uring fd or SQPOLL thread is called untracked this round: a ring is being set up (its fd exists
     * before the tracker hears of it), or a cap-dropped ring's inode is not read yet, or there were too many
     * of those to remember.
     */
    boolean undecided;
    /** A cap-dropped ring is open: its slots' sockets are not counted, so socket drift is not judged. */
    boolean capOpen;

    static TrackedView of(TrackedState state) {
        TrackedView v = new TrackedView();
        state.forEachRing(r -> {
            if (r.open()) {
                v.open.put(r.ringId(), r);
                if (r.sqpoll()) {
                    v.sqpollRings++;
                }
            } else {
                v.closed.add(r);
            }
        });
        state.forEachSlot(s -> {
            v.slotsByRing.computeIfAbsent(s.ringId(), k -> new ArrayList<>(4)).add(s);
            if (s.occupied()) {
                v.occupiedSlots++;
            } else if (s.awaitingDrop()) {
                v.pendingReleases++;
            }
        });
        state.forEachInFlight(op -> v.oldestInFlight.merge(op.ringId(), op,
                (a, b) -> b.armedSinceNanos() - a.armedSinceNanos() < 0 ? b : a));
        state.forEachCapDropped(c -> {
            v.capDropped.add(c);
            if (c.inode() > 0) {
                v.capInodes.add(c.inode());
            }
            v.undecided |= c.readPending();
            v.capOpen |= c.open();
        });
        v.undecided |= state.capDroppedOverflowed() || state.ringsBeingSetUp();
        return v;
    }

    List<TrackedSlot> slots(long ringId) {
        return slotsByRing.getOrDefault(ringId, List.of());
    }

    /** Released slots of {@code ringId} still awaiting the kernel's drop confirmation. */
    int pendingReleases(long ringId) {
        int n = 0;
        for (TrackedSlot s : slots(ringId)) {
            if (s.awaitingDrop()) {
                n++;
            }
        }
        return n;
    }
}
