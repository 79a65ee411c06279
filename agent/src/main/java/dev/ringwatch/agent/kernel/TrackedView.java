package dev.ringwatch.agent.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One round's copy of the tracker's state, indexed the ways the rules look it up. */
final class TrackedView {
    final Map<Long, TrackedRing> open = new HashMap<>();
    final List<TrackedRing> closed = new ArrayList<>();
    final Map<Long, List<TrackedSlot>> slotsByRing = new HashMap<>();
    final Map<Long, InFlightOp> oldestInFlight = new HashMap<>();
    int occupiedSlots;
    int pendingReleases;
    int sqpollRings;

    static TrackedView of(TrackedState state) {
        TrackedView v = new TrackedView();
        state.forEachRing(r -> {
            if (r.open()) {
                v.open.put(r.id(), r);
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
