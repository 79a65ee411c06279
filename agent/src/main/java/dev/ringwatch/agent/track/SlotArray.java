package dev.ringwatch.agent.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A ring's occupied slots, indexed by slot number. Slot numbers are small and dense, so an array
 * costs less per register/release than a map (no boxing, no entry allocation on the hot path).
 * Not thread-safe: {@link RingRecord} guards it.
 */
final class SlotArray {
    private SlotRecord[] bySlot = new SlotRecord[16];
    private int size;

    SlotRecord get(int slot) {
        return slot >= 0 && slot < bySlot.length ? bySlot[slot] : null;
    }

    /** Stores {@code record} at {@code slot}; returns what was there. */
    SlotRecord put(int slot, SlotRecord record) {
        if (slot >= bySlot.length) {
            bySlot = Arrays.copyOf(bySlot, Math.max(slot + 1, bySlot.length * 2));
        }
        SlotRecord old = bySlot[slot];
        bySlot[slot] = record;
        if (old == null) {
            size++;
        }
        return old;
    }

    void remove(int slot) {
        if (get(slot) != null) {
            bySlot[slot] = null;
            size--;
        }
    }

    int size() {
        return size;
    }

    /** The records in slot order (a copy). */
    List<SlotRecord> values() {
        List<SlotRecord> out = new ArrayList<>(size);
        for (SlotRecord s : bySlot) {
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    void clear() {
        Arrays.fill(bySlot, null);
        size = 0;
    }
}
