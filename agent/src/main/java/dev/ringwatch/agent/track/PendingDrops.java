package dev.ringwatch.agent.track;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Released slots awaiting the kernel's drop confirmation, in release order. Confirmations come in
 * that order unless an operation pins a file, so the head almost always matches: cheaper than a map
 * keyed by tag, which boxed and allocated an entry per release. Not thread-safe: {@link RingRecord}
 * guards it.
 */
final class PendingDrops {
    private final ArrayDeque<SlotRecord> queue = new ArrayDeque<>();

    void add(SlotRecord released) {
        queue.addLast(released);
    }

    /** Removes and returns the record released with {@code tag}, or null. */
    SlotRecord remove(long tag) {
        SlotRecord head = queue.peekFirst();
        if (head != null && head.tag == tag) {
            return queue.pollFirst();
        }
        for (Iterator<SlotRecord> it = queue.iterator(); it.hasNext(); ) {
            SlotRecord s = it.next();
            if (s.tag == tag) {
                it.remove();
                return s;
            }
        }
        return null;
    }

    int size() {
        return queue.size();
    }

    List<SlotRecord> values() {
        return new ArrayList<>(queue);
    }

    void clear() {
        queue.clear();
    }
}
