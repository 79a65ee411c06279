package dev.ringwatch.agent.adapter.netty;

import dev.ringwatch.agent.log.FirstFailure;
import dev.ringwatch.agent.track.Hooks;

/**
 * The static entry points {@link NettyWeaver} weaves into Netty. Parameters are plain values and {@code Object}s:
 * this class (on the system class path with the agent) links against no Netty type, so it serves Netty and
 * any shaded copy, loaded by any class loader that delegates to the system one. A failure inside the agent
 * never reaches Netty: each entry point catches it and logs the first one.
 */
public final class NettyHooks {
    private static final FirstFailure FAILURE = new FirstFailure("Netty hook ");

    private NettyHooks() {
    }

    /** {@code Native.createRingBuffer(..)} returned {@code ring}: set up with these sizes and flags. */
    public static void ringCreated(Object ring, int fd, int sqEntries, int cqEntries, int setupFlags, String library) {
        if (!Hooks.active()) {
            return;
        }
        NettyRings r = NettyRings.INSTANCE;
        try {
            r.ringCreated(ring, fd, sqEntries, cqEntries, setupFlags, library);
        } catch (Throwable e) {
            FAILURE.log("ringCreated", e);
        }
    }

    /** {@code RingBuffer.close()} is called (Netty may call it more than once). */
    public static void ringClosing(Object ring, int fd) {
        if (!Hooks.active()) {
            return;
        }
        NettyRings r = NettyRings.INSTANCE;
        try {
            r.ringClosing(ring);
        } catch (Throwable e) {
            FAILURE.log("ringClosing", e);
        }
    }

    /** The owner starts on its event-loop thread (the current thread). */
    public static void loopStarted(Object owner, Object ring) {
        if (!Hooks.active()) {
            return;
        }
        NettyRings r = NettyRings.INSTANCE;
        try {
            r.loopStarted(ring);
        } catch (Throwable e) {
            FAILURE.log("loopStarted", e);
        }
    }

    /** {@code IoUringIoHandler.newBufferRing} registered buffer group {@code groupId} on ring {@code ringFd}. */
    public static void bufferRingCreated(Object bufferRing, int groupId, int ringFd) {
        if (!Hooks.active()) {
            return;
        }
        NettyRings r = NettyRings.INSTANCE;
        try {
            r.bufferRingCreated(bufferRing, ringFd);
        } catch (Throwable e) {
            FAILURE.log("bufferRingCreated", e);
        }
    }

    /** {@code IoUringBufferRing.close()} is called. */
    public static void bufferRingClosing(Object bufferRing) {
        if (!Hooks.active()) {
            return;
        }
        NettyRings r = NettyRings.INSTANCE;
        try {
            r.bufferRingClosing(bufferRing);
        } catch (Throwable e) {
            FAILURE.log("bufferRingClosing", e);
        }
    }
}
