package dev.ringwatch.agent.track;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Rings closed within the last minute (at most {@value #RETAINED}), oldest first: the kernel rules look
 * for what a closed ring left behind (a mapping, an SQPOLL thread), and a late finding still finds its record.
 */
final class ClosedRings {
    private static final int RETAINED = 1024;
    private static final long RETENTION_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final ArrayDeque<RingRecord> rings = new ArrayDeque<>();

    synchronized void add(RingRecord r) {
        rings.addLast(r);
        while (rings.size() > RETAINED) {
            rings.removeFirst();
        }
    }

    /** Forgets the rings closed longer ago than the retention. */
    synchronized void expire(long now) {
        RingRecord first;
        while ((first = rings.peekFirst()) != null && now - first.closedNanos() > RETENTION_NANOS) {
            rings.removeFirst();
        }
    }

    /** The retained record of ring {@code id}, or null. */
    synchronized RingRecord find(long id) {
        for (RingRecord c : rings) {
            if (c.id == id) {
                return c;
            }
        }
        return null;
    }

    synchronized List<RingRecord> list() {
        return new ArrayList<>(rings);
    }
}
