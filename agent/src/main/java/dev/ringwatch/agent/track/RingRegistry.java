package dev.ringwatch.agent.track;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The open rings by id, and the memory cap: every ring, occupied slot and release awaiting the kernel's
 * confirmation counts against {@code maxTracked}; beyond it, new ones are counted as dropped. Lookups by id
 * are O(1) and lock-free; no lock is shared between rings.
 */
final class RingRegistry {
    private static final int RECENT = 256;

    private final int maxTracked;
    private final ConcurrentHashMap<Long, RingRecord> rings = new ConcurrentHashMap<>();
    /** A direct-mapped cache in front of the map keeps the per-registration lookup free of boxing. */
    private final RingRecord[] recent = new RingRecord[RECENT];
    private final AtomicInteger tracked = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private final AtomicInteger liveRings = new AtomicInteger();
    private final AtomicInteger sqpollRings = new AtomicInteger();

    RingRegistry(int maxTracked) {
        this.maxTracked = maxTracked;
    }

    /** Takes one entry of the cap; false (and counted as dropped) when the cap is reached. */
    boolean admit() {
        if (tracked.incrementAndGet() > maxTracked) {
            tracked.decrementAndGet();
            dropped.increment();
            return false;
        }
        return true;
    }

    void untrack(int n) {
        tracked.addAndGet(-n);
    }

    void add(RingRecord r) {
        rings.put(r.id, r);
        liveRings.incrementAndGet();
        if (r.facts.sqpoll()) {
            sqpollRings.incrementAndGet();
        }
    }

    /** Takes a closed ring out of the open ones. */
    void remove(RingRecord r) {
        rings.remove(r.id, r);
        int i = (int) r.id & (RECENT - 1);
        if (recent[i] == r) {
            recent[i] = null;
        }
        liveRings.decrementAndGet();
        if (r.facts.sqpoll()) {
            sqpollRings.decrementAndGet();
        }
    }

    /**
     * The record of open ring {@code id}, or null, through the cache; a stale entry is harmless (a closed
     * record ignores slot changes) and is overwritten by the next ring that maps there.
     */
    RingRecord get(long id) {
        int i = (int) id & (RECENT - 1);
        RingRecord r = recent[i];
        if (r != null && r.id == id) {
            return r;
        }
        r = rings.get(id);
        if (r != null) {
            recent[i] = r;
        }
        return r;
    }

    /** The record of open ring {@code id}, or null, without touching the cache. */
    RingRecord open(long id) {
        return rings.get(id);
    }

    /** The open ring whose object is {@code ring}, or null (a scan: for adapters that keep no id). */
    RingRecord byObject(Object ring) {
        for (RingRecord r : rings.values()) {
            if (r.ring() == ring) {
                return r;
            }
        }
        return null;
    }

    Collection<RingRecord> all() {
        return rings.values();
    }

    int liveRings() {
        return liveRings.get();
    }

    int sqpollRings() {
        return sqpollRings.get();
    }

    int tracked() {
        return tracked.get();
    }

    long dropped() {
        return dropped.sum();
    }
}
