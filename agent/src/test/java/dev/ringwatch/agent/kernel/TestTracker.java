package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.proc.ProcView;
import dev.ringwatch.agent.proc.RingFdInfo;
import dev.ringwatch.ring.FixedFile;
import dev.ringwatch.ring.IoUring;
import dev.ringwatch.ring.SetupFlags;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A tiny tracker for tests, fed from real ring-core rings the way the agent's tracker is (inode and SqThread
 * read from fdinfo at creation, the fd's target read at registration), or by hand for an injected /proc.
 * Drop confirmations (tag CQEs) can be withheld to stand in for a kernel that never sends them.
 */
final class TestTracker implements TrackedState {
    private final Map<Long, TrackedRing> rings = new LinkedHashMap<>();
    private final Map<Long, IoUring> live = new HashMap<>();
    private final Map<String, TrackedSlot> slots = new LinkedHashMap<>();
    private final List<InFlightOp> inFlight = new ArrayList<>();
    private boolean withholdDrops;
    private final List<CapDroppedRing> capDropped = new ArrayList<>();
    private volatile boolean settingUp;
    private long nextId = 1000;

    synchronized TrackedRing track(IoUring ring) {
        RingFdInfo info = ProcView.system().ringFdInfo(ring.fd()).orElseThrow();
        TrackedRing attached = null;
        if (ring.attachedTo() != null) {
            attached = rings.get(ring.attachedTo().id());
        }
        TrackedRing r = new TrackedRing(new RingFacts(RingFacts.RING_CORE, ring.id(), ring.fd(), ring.setupFlags(), SetupFlags.describe(ring.setupFlags()), ring.isSqpoll(), 0, 0, ring.sqThreadIdleMillis(), attached == null ? 0 : attached.ringId(), ring.ownerClassName(), false, null), info.ino(), info.sqThread(), true, System.nanoTime(), 0, "", "TestTracker.track <- test", Thread.currentThread().getName());
        rings.put(r.ringId(), r);
        live.put(r.ringId(), ring);
        ring.addFileDropListener((table, slot, tag) -> dropped(ring.id(), slot, tag));
        return r;
    }

    /** A ring known only by its numbers (for an injected /proc). */
    synchronized TrackedRing add(int fd, long inode, boolean sqpoll) {
        TrackedRing r = new TrackedRing(new RingFacts(RingFacts.RING_CORE, ++nextId, fd, sqpoll ? 2 : 0, sqpoll ? "SQPOLL" : "", sqpoll, 0, 0, 0, 0, "test.Owner", false, null), inode, -1, true, System.nanoTime(), 0, "", "made by hand", "main");
        rings.put(r.ringId(), r);
        return r;
    }

    /** Closes the ring through ring-core and records the close, {@code backdate} earlier than now. */
    synchronized void close(IoUring ring, Duration backdate) {
        ring.close();
        closed(ring.id(), backdate);
    }

    /** Records a close the tracker saw (the ring itself untouched). */
    synchronized void closed(long ringId, Duration backdate) {
        TrackedRing r = rings.get(ringId);
        rings.put(ringId, r.closed(System.nanoTime() - backdate.toNanos(), "TestTracker.close <- test"));
        live.remove(ringId);
    }

    synchronized TrackedSlot registered(FixedFile f, String site) {
        String target = readlink(f.fd());
        TrackedSlot s = new TrackedSlot(f.ring().id(), f.slot(), f.fd(), target, f.tag(), f.ownerClassName(), site,
                Thread.currentThread().getName(), System.nanoTime(), false, 0, false);
        slots.put(key(s.ringId(), s.slot(), s.tag()), s);
        return s;
    }

    /** A registration recorded as the agent's tracker records it: without what the fd pointed at. */
    synchronized TrackedSlot registeredWithoutTarget(FixedFile f) {
        TrackedSlot s = new TrackedSlot(f.ring().id(), f.slot(), f.fd(), "", f.tag(), f.ownerClassName(), "",
                Thread.currentThread().getName(), System.nanoTime(), false, 0, false);
        slots.put(key(s.ringId(), s.slot(), s.tag()), s);
        return s;
    }

    /** A registration known only by its numbers (for an injected /proc). */
    synchronized TrackedSlot addSlot(long ringId, int slot, int fd, String target) {
        TrackedSlot s = new TrackedSlot(ringId, slot, fd, target, 0x5257_0000_0000_0000L | (slot + 1), "test.Conn",
                "made by hand", "main", System.nanoTime(), false, 0, false);
        slots.put(key(ringId, slot, s.tag()), s);
        return s;
    }

    /** Releases the slot through ring-core and records the release. */
    synchronized void release(FixedFile f) {
        f.close();
        String k = key(f.ring().id(), f.slot(), f.tag());
        slots.put(k, slots.get(k).releasedAt(System.nanoTime()));
    }

    synchronized void withholdDrops(boolean on) {
        withholdDrops = on;
    }

    synchronized void inFlight(long ringId, int slot, String op, long userData) {
        inFlight.add(new InFlightOp(ringId, slot, op, userData, System.nanoTime()));
    }

    private synchronized void dropped(long ringId, int slot, long tag) {
        String k = key(ringId, slot, tag);
        TrackedSlot s = slots.get(k);
        if (s != null && !withholdDrops) {
            slots.remove(k);
        }
    }

    @Override
    public synchronized void forEachRing(Consumer<? super TrackedRing> action) {
        List.copyOf(rings.values()).forEach(action);
    }

    @Override
    public synchronized void forEachSlot(Consumer<? super TrackedSlot> action) {
        List.copyOf(slots.values()).forEach(action);
    }

    @Override
    public synchronized void forEachInFlight(Consumer<? super InFlightOp> action) {
        List.copyOf(inFlight).forEach(action);
    }

    /** As if a library's open() of a ring were under way (its fd exists, the tracker has not heard of it). */
    void settingUp(boolean on) {
        settingUp = on;
    }

    /** As if the tracker had dropped this ring at its cap. */
    synchronized void capDropped(CapDroppedRing r) {
        capDropped.add(r);
    }

    @Override
    public boolean ringsBeingSetUp() {
        return settingUp;
    }

    @Override
    public synchronized void forEachCapDropped(Consumer<? super CapDroppedRing> action) {
        List.copyOf(capDropped).forEach(action);
    }

    @Override
    public synchronized int cqReady(long ringId) {
        IoUring ring = live.get(ringId);
        return ring == null || ring.isClosed() ? -1 : ring.cqReady();
    }

    private static String key(long ringId, int slot, long tag) {
        return ringId + "/" + slot + "/" + tag;
    }

    static String readlink(int fd) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("fd " + fd + " is not open", e);
        }
    }
}
