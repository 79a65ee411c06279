package dev.ringwatch.agent.adapter.netty;

import dev.ringwatch.agent.track.RingFacts;
import dev.ringwatch.agent.track.Tracker;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Netty adapter's model: which tracked ring a Netty {@code RingBuffer} is, its owner, the event-loop thread
 * that runs it and its buffer rings; it turns Netty's calls into the tracker's. Netty's objects are held weakly
 * (by identity: {@code RingBuffer} and {@code IoUringBufferRing} keep Object's equals), so a ring Netty drops
 * unclosed is still found by the tracker's GC watch. Rings are set up and closed rarely (one per event loop):
 * one lock is enough.
 */
public final class NettyRings {
    /** Netty rings get ids from here, far above ring-core's (which count from 1 per JVM). */
    static final long FIRST_ID = 1L << 40;

    private final Tracker tracker;
    private final AtomicLong ids = new AtomicLong(FIRST_ID);
    private final Map<Object, NettyRing> byRing = new WeakHashMap<>();
    private final Map<Object, NettyRing> byBufferRing = new WeakHashMap<>();

    public NettyRings(Tracker tracker) {
        this.tracker = tracker;
    }

    void ringCreated(Object ring, int fd, int sqEntries, int cqEntries, int setupFlags, String library) {
        NettyRing r = new NettyRing(ids.incrementAndGet(), fd, library);
        synchronized (this) {
            byRing.put(ring, r);
        }
        RingFacts facts = new RingFacts(r.id, fd, setupFlags, SetupFlagNames.describe(setupFlags),
                (setupFlags & SetupFlagNames.SQPOLL) != 0, sqEntries, cqEntries, 0, ring.getClass().getName(),
                false, 0L, new long[0]);
        tracker.ringOpened(ring, facts, null, false);
    }

    void ringClosing(Object ring, int fd) {
        NettyRing r;
        synchronized (this) {
            r = byRing.remove(ring); // a second close finds nothing: Netty's close is idempotent, so is this
        }
        if (r != null) {
            tracker.ringClosing(r.id);
        }
    }

    void ownerCreated(Object owner, Object ring) {
        NettyRing r = find(ring);
        if (r != null) {
            r.ownerClass = owner.getClass().getName();
        }
    }

    void loopStarted(Object ring) {
        NettyRing r = find(ring);
        if (r != null) {
            r.loop = new WeakReference<>(Thread.currentThread());
        }
    }

    synchronized void bufferRingCreated(Object bufferRing, int groupId, int ringFd) {
        for (NettyRing r : byRing.values()) {
            if (r.fd == ringFd) {
                byBufferRing.put(bufferRing, r);
                r.bufferRings++;
                return;
            }
        }
    }

    synchronized void bufferRingClosing(Object bufferRing) {
        NettyRing r = byBufferRing.remove(bufferRing);
        if (r != null) {
            r.bufferRings--;
        }
    }

    /** The open Netty rings, for the rules that look at event loops. */
    public synchronized List<NettyRing> open() {
        return new ArrayList<>(byRing.values());
    }

    private synchronized NettyRing find(Object ring) {
        return byRing.get(ring);
    }

    /** One open Netty ring as the adapter knows it beside the tracker's record (same id). */
    public static final class NettyRing {
        final long id;
        final int fd;
        final String library;
        volatile String ownerClass;
        volatile WeakReference<Thread> loop;
        int bufferRings;

        NettyRing(long id, int fd, String library) {
            this.id = id;
            this.fd = fd;
            this.library = library;
        }

        public long id() {
            return id;
        }

        public String library() {
            return library;
        }

        /** The event-loop thread running this ring, or null (not started yet, or collected). */
        public Thread loopThread() {
            WeakReference<Thread> l = loop;
            return l == null ? null : l.get();
        }
    }
}
