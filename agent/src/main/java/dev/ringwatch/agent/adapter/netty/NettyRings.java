package dev.ringwatch.agent.adapter.netty;

import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.track.Hooks;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * The Netty adapter's model: which tracked ring a Netty {@code RingBuffer} is, and its buffer rings; it turns
 * Netty's calls into the tracker's library-neutral ones ({@link Hooks}). Netty's objects are held weakly, by
 * identity ({@code RingBuffer} and {@code IoUringBufferRing} keep Object's equals), so a ring Netty drops
 * unclosed is still found by the tracker's GC watch. Rings are set up and closed rarely (one per event loop):
 * one lock is enough.
 */
final class NettyRings {
    static final NettyRings INSTANCE = new NettyRings();

    private final Map<Object, NettyRing> byRing = new WeakHashMap<>();
    private final Map<Object, NettyRing> byBufferRing = new WeakHashMap<>();

    void ringCreated(Object ring, int fd, int sqEntries, int cqEntries, int setupFlags, String library) {
        RingFacts facts = new RingFacts(library, 0L, fd, setupFlags, SetupFlagNames.describe(setupFlags),
                (setupFlags & SetupFlagNames.SQPOLL) != 0, sqEntries, cqEntries, 0, 0L, ring.getClass().getName(),
                false, null);
        long id = Hooks.ringOpened(ring, facts, null);
        if (id != 0) {
            synchronized (this) {
                byRing.put(ring, new NettyRing(id, fd));
            }
        }
    }

    void ringClosing(Object ring) {
        NettyRing r;
        synchronized (this) {
            r = byRing.remove(ring); // a second close finds nothing: Netty's close is idempotent, so is this
        }
        if (r != null) {
            Hooks.ringClosing(r.id);
        }
    }

    /** The current thread runs {@code ring} from now on: its event loop. */
    void loopStarted(Object ring) {
        NettyRing r = find(ring);
        if (r != null) {
            Hooks.ringOwnerThread(r.id, Thread.currentThread());
        }
    }

    synchronized void bufferRingCreated(Object bufferRing, int ringFd) {
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

    /** Buffer rings registered on ring {@code ringFd} and not closed (fdinfo does not show them). */
    synchronized int bufferRings(int ringFd) {
        for (NettyRing r : byRing.values()) {
            if (r.fd == ringFd) {
                return r.bufferRings;
            }
        }
        return 0;
    }

    private synchronized NettyRing find(Object ring) {
        return byRing.get(ring);
    }

    /** An open Netty ring: the tracker's id for it, its fd, its buffer rings. */
    private static final class NettyRing {
        final long id;
        final int fd;
        int bufferRings;

        NettyRing(long id, int fd) {
            this.id = id;
            this.fd = fd;
        }
    }
}
