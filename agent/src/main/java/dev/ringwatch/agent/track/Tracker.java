package dev.ringwatch.agent.track;

import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.config.SlotStacks;
import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.proc.ProcView;
import dev.ringwatch.agent.proc.RingFdInfo;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The agent's model of live rings and slots. The advice calls the {@code ring*}/{@code slot*} methods on
 * the application's threads; {@link #processQueue(long)} runs on the tracker's own thread and turns
 * owners the GC found unreachable into leak reports (once per resource).
 *
 * <p>Costs: O(1) per call, one map lookup by ring id plus the ring's own monitor; no lock is shared
 * between rings. Memory is bounded by {@code maxTracked} records (rings, occupied slots and released
 * slots awaiting the kernel's confirmation); beyond that, new ones are counted as dropped.
 */
public final class Tracker {
    static final String BY_APPLICATION = "application";
    static final String BY_RECLAIM = "reclaim";
    private static final int MAX_DISTINCT_SITES = 4096;
    private static final int CLOSED_RETAINED = 1024;
    private static final long CLOSED_RETENTION_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** Ids the tracker assigns start above this: ring-core counts from 1 and never gets near it. */
    public static final long ASSIGNED_IDS = 1L << 48;
    private final AtomicLong assignedIds = new AtomicLong(ASSIGNED_IDS);

    /** Null until first needed: creating the system view early would cost start-up time. */
    private volatile ProcView proc;
    private final SlotStacks slotStacks;
    private final int sampleInterval;
    private final int maxTracked;
    private final boolean reclaim;
    private final CreationStacks stacks;
    private final LiveRingRules liveRules;
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    private static final int RECENT = 256;
    private final ConcurrentHashMap<Long, RingRecord> rings = new ConcurrentHashMap<>();
    private final RingRecord[] recent = new RingRecord[RECENT];
    private final ArrayDeque<RingRecord> recentlyClosed = new ArrayDeque<>();
    private final AtomicInteger tracked = new AtomicInteger();
    private final LongAdder dropped = new LongAdder();
    private final AtomicInteger liveRings = new AtomicInteger();
    private final AtomicInteger sqpollRings = new AtomicInteger();
    private final AtomicLong ringLeaks = new AtomicLong();
    private final AtomicLong slotLeaks = new AtomicLong();
    private final AtomicLong kernelLeaks = new AtomicLong();
    private final AtomicLong reclaimedRings = new AtomicLong();
    private final AtomicLong reclaimedSlots = new AtomicLong();
    /** Registrations seen, for sampling; racy on purpose: sampling needs no exact count. */
    private int registrations;
    private volatile TrackerListener listener = TrackerListener.NONE;
    private volatile Reclaimer reclaimer;
    /**
     * A clock for slot times, advanced by the tracker's thread (every {@link LeakWatcher} poll, 100 ms) and
     * by ring set-up and close: reading System.nanoTime twice per registration and release would be a third
     * of the tracker's cost on that path. Slot ages and release times are therefore good to about 100 ms.
     */
    private volatile long coarseNanos = System.nanoTime();
    /** The ring the tracker's thread is closing for reclaim, so its close is attributed to the agent. */
    private volatile long reclaimingRingId;

    /** {@code proc} may be null: the real /proc, opened on first use. */
    public Tracker(AgentOptions options, ProcView proc) {
        this.proc = proc;
        this.slotStacks = options.slotStacks();
        this.sampleInterval = options.sampleInterval();
        this.maxTracked = options.maxTracked();
        this.reclaim = options.reclaim();
        this.stacks = new CreationStacks(options.stackDepth(), MAX_DISTINCT_SITES);
        this.liveRules = new LiveRingRules(this, options.pileUpThreshold(), options.pileUpWindow().toNanos());
    }

    public void listener(TrackerListener l) {
        this.listener = l == null ? TrackerListener.NONE : l;
    }

    public ProcView proc() {
        ProcView p = proc;
        if (p == null) {
            p = ProcView.system();
            proc = p;
        }
        return p;
    }

    // ---- called from the advice, on the application's threads -----------------------------------------

    /**
     * A ring was set up. {@code explicitOwner} is null when the ring owns itself. A library without ring ids
     * passes {@code facts.id()} 0 and gets one here, from a range ({@link #ASSIGNED_IDS}) no library's own
     * counter reaches. Returns the ring's id, or 0 when the ring is not tracked (the cap was reached).
     */
    public long ringOpened(Object ring, RingFacts facts, Object explicitOwner, boolean ownerAlreadyGone) {
        if (!admit()) {
            return 0;
        }
        if (facts.id() == 0) {
            facts = facts.withId(assignedIds.incrementAndGet());
        }
        long now = tick();
        CreationSite site = stacks.capture();
        RingFdInfo info = proc().ringFdInfo(facts.fd()).orElse(null);
        RingRecord r = new RingRecord(facts, ring, explicitOwner, queue, info == null ? -1 : info.ino(),
                info == null ? -1 : info.sqThread(), now, System.currentTimeMillis(),
                threadName(), site);
        rings.put(r.id, r);
        liveRings.incrementAndGet();
        if (facts.sqpoll()) {
            sqpollRings.incrementAndGet();
        }
        if (ownerAlreadyGone) {
            r.ownerWatch.enqueue();
        }
        listener.ringCreated(r.view());
        return r.id;
    }

    /** The ring object {@code ring} is being closed, for adapters that keep no id (a scan: closes are rare). */
    public void ringClosing(Object ring) {
        for (RingRecord r : rings.values()) {
            if (r.ring() == ring) {
                ringClosing(r.id);
                return;
            }
        }
    }

    /** Names the thread that runs ring {@code ringId} (an event loop's), watched weakly. */
    public void ringOwnerThread(long ringId, Thread thread) {
        RingRecord r = rings.get(ringId);
        if (r != null && thread != null) {
            r.ownerThread(thread);
        }
    }

    /** A ring's first close is under way; its fd and mappings are still valid. */
    public void ringClosing(long ringId) {
        RingRecord r = ring(ringId);
        if (r == null) {
            return;
        }
        String by = ringId == reclaimingRingId ? BY_RECLAIM : BY_APPLICATION;
        closeRecord(r, stacks.capture(), by);
    }

    public void slotOccupied(Object table, long ringId, int slot, int fd, long tag, boolean kernelInstalled,
                             Object owner, boolean explicitOwner, String ownerClass) {
        RingRecord r = ring(ringId);
        if (r == null) {
            return;
        }
        if (!admit()) {
            return;
        }
        r.rememberTable(table);
        CreationSite site = slotSite();
        boolean sameOwner = explicitOwner && owner != null && owner == r.explicitOwnerIfAlive();
        SlotRecord s = new SlotRecord(r, slot, fd, tag, kernelInstalled, ownerClass, explicitOwner, sameOwner,
                coarseNanos, threadName(), site);
        s.watch = new OwnerWatch(owner, queue, r, s);
        if (owner == null) {
            s.watch.enqueue(); // an explicit owner already collected: the slot has no owner left
        }
        SlotRecord stale = r.occupy(s);
        if (stale == s) {
            untrack(1); // the ring closed meanwhile
            return;
        }
        if (stale != null) {
            untrack(1);
        }
        TrackerListener l = listener;
        if (l.wantsSlotUpdates()) {
            l.slotUpdated(ringId, r.fd, slot, TrackerListener.SLOT_REGISTERED, fd, tag, explicitOwner ? ownerClass : "",
                    0L);
        }
    }

    public void slotVacated(long ringId, int slot, long tag) {
        RingRecord r = ring(ringId);
        if (r == null) {
            return;
        }
        TrackerListener l = listener;
        boolean events = l.wantsSlotUpdates();
        // precise while a recording wants the confirmation delay, coarse otherwise
        SlotRecord s = r.vacate(slot, tag, events ? System.nanoTime() : coarseNanos);
        if (s == null) {
            return;
        }
        if (tag == 0) {
            untrack(1);
        }
        if (events) {
            l.slotUpdated(ringId, r.fd, slot, TrackerListener.SLOT_RELEASED, s.fd, tag,
                    s.explicitOwner ? s.ownerClass : "", 0L);
        }
    }

    public void slotDropConfirmed(long ringId, int slot, long tag) {
        RingRecord r = ring(ringId);
        if (r == null) {
            return;
        }
        SlotRecord s = r.dropConfirmed(tag);
        if (s == null) {
            return;
        }
        untrack(1);
        TrackerListener l = listener;
        if (l.wantsSlotUpdates()) {
            l.slotUpdated(ringId, r.fd, slot, TrackerListener.SLOT_DROP_CONFIRMED, s.fd, tag,
                    s.explicitOwner ? s.ownerClass : "", System.nanoTime() - s.releasedNanos);
        }
    }

    /** A long-lived op ({@code Hooks.OP_*}) was prepared on fixed-file slot {@code slot}. */
    public void inFlightArmed(long ringId, int slot, int op) {
        RingRecord r = ring(ringId);
        if (r != null) {
            r.inFlightArmed(slot, op, System.nanoTime());
        }
    }

    // ---- the tracker's thread ---------------------------------------------------------------------------

    /**
     * Waits up to {@code timeoutMillis} for owners the GC found unreachable and reports them; returns how
     * many watches it handled. Also forgets closed rings past their retention.
     */
    public int processQueue(long timeoutMillis) throws InterruptedException {
        int handled = 0;
        RuntimeException failure = null;
        tick();
        Reference<?> ref = queue.remove(timeoutMillis);
        tick();
        while (ref != null) {
            if (ref instanceof OwnerWatch w) {
                try {
                    if (w.slot == null) {
                        ringOwnerGone(w.ring);
                    } else {
                        slotOwnerGone(w.slot);
                    }
                } catch (RuntimeException e) {
                    // one failed report must not lose the others already taken off the queue
                    if (failure == null) {
                        failure = e;
                    }
                }
                handled++;
            }
            ref = queue.poll();
        }
        expireClosed(System.nanoTime());
        if (failure != null) {
            throw failure;
        }
        return handled;
    }

    private void ringOwnerGone(RingRecord r) {
        int occupied = r.claimLeakReport();
        if (occupied < 0) {
            return;
        }
        ringLeaks.incrementAndGet();
        Object ring = r.ring();
        long now = System.nanoTime();
        listener.ringLeak(new LeakReport.RingLeak(r.view(), now - r.createdNanos, occupied, ring == null,
                r.facts.sqpoll() ? sqThread(r.fd) : -1));
        if (reclaim) {
            listener.reclaimed(reclaimer().reclaimRing(r, ring));
        }
    }

    private void slotOwnerGone(SlotRecord s) {
        RingRecord r = s.ring;
        if (!r.claimSlotLeakReport(s)) {
            return;
        }
        slotLeaks.incrementAndGet();
        String file = slotFile(r.fd, s.slot);
        long now = System.nanoTime();
        listener.slotLeak(new LeakReport.SlotLeak(r.view(), s.view(), now - s.createdNanos, file));
        if (reclaim) {
            listener.reclaimed(reclaimer().reclaimSlot(r, s));
        }
    }

    private Reclaimer reclaimer() {
        Reclaimer rc = reclaimer;
        if (rc == null) {
            rc = new Reclaimer(this);
            reclaimer = rc;
        }
        return rc;
    }

    /** Reclaim closes a still-reachable ring through its own close(): attribute that close to the agent. */
    void closingForReclaim(long ringId) {
        reclaimingRingId = ringId;
    }

    /** Reclaim closed a ring whose object was gone (no advice ran): update the model. */
    void closedByReclaim(RingRecord r) {
        closeRecord(r, null, BY_RECLAIM);
    }

    void countReclaimedRing() {
        reclaimedRings.incrementAndGet();
    }

    void countReclaimedSlot() {
        reclaimedSlots.incrementAndGet();
    }

    private void closeRecord(RingRecord r, CreationSite site, String by) {
        long now = tick();
        RingRecord.Closed c = r.close(now, site, threadName(), by);
        if (c == null) {
            return;
        }
        rings.remove(r.id, r);
        int i = (int) r.id & (RECENT - 1);
        if (recent[i] == r) {
            recent[i] = null;
        }
        liveRings.decrementAndGet();
        if (r.facts.sqpoll()) {
            sqpollRings.decrementAndGet();
        }
        untrack(1 + c.occupiedSlots() + c.pendingReleases());
        synchronized (recentlyClosed) {
            recentlyClosed.addLast(r);
            while (recentlyClosed.size() > CLOSED_RETAINED) {
                recentlyClosed.removeFirst();
            }
        }
        listener.ringClosed(r.view(), now - r.createdNanos, c.occupiedSlots());
    }

    private void expireClosed(long now) {
        synchronized (recentlyClosed) {
            RingRecord first;
            while ((first = recentlyClosed.peekFirst()) != null && now - first.closedNanos() > CLOSED_RETENTION_NANOS) {
                recentlyClosed.removeFirst();
            }
        }
    }

    // ---- the kernel reconciler's findings ---------------------------------------------------------------

    /**
     * Claims the report of a leak the kernel reconciler found, so that no ring or slot is reported twice
     * (once by a GC rule here, once by a kernel rule). {@code ringId} 0: the finding names no tracked ring
     * (an untracked ring, socket drift); {@code slot} -1: it is about the ring itself. Returns true (and counts
     * the leak) when it is to be reported, false when that ring or slot was reported already.
     */
    public boolean claimKernelLeak(long ringId, int slot, long tag) {
        RingRecord r = ringId == 0 ? null : anyRecord(ringId);
        boolean claimed = r == null || (slot < 0 ? r.claimKernelRingLeak() : r.claimKernelSlotLeak(slot, tag));
        if (claimed) {
            kernelLeaks.incrementAndGet();
        }
        return claimed;
    }

    /** The record of ring {@code id}, open or recently closed, or null. */
    private RingRecord anyRecord(long id) {
        RingRecord r = rings.get(id);
        if (r != null) {
            return r;
        }
        synchronized (recentlyClosed) {
            for (RingRecord c : recentlyClosed) {
                if (c.id == id) {
                    return c;
                }
            }
        }
        return null;
    }

    // ---- model views ------------------------------------------------------------------------------------

    public TrackerSnapshot snapshot() {
        List<TrackerSnapshot.RingView> open = new ArrayList<>();
        for (RingRecord r : rings.values()) {
            TrackerSnapshot.RingView v = r.view();
            if (v.open()) {
                open.add(v);
            }
        }
        open.sort(TrackerSnapshot.BY_RING_ID);
        List<TrackerSnapshot.RingView> closed = new ArrayList<>();
        synchronized (recentlyClosed) {
            for (RingRecord r : recentlyClosed) {
                closed.add(r.view());
            }
        }
        return new TrackerSnapshot(System.nanoTime(), List.copyOf(open), List.copyOf(closed), counts());
    }

    public TrackerSnapshot.Counts counts() {
        long occupied = 0;
        long pending = 0;
        for (RingRecord r : rings.values()) { // per-ring counts keep the registration path free of shared counters
            occupied += r.occupiedCount();
            pending += r.awaitingCount();
        }
        return new TrackerSnapshot.Counts(liveRings.get(), sqpollRings.get(), occupied, pending, ringLeaks.get(), slotLeaks.get(), reclaimedRings.get(), reclaimedSlots.get(),
                dropped.sum(), tracked.get(), kernelLeaks.get());
    }

    /** The rules over live rings (pile-up, outlived thread): the tracker's thread runs them after each poll. */
    public void runLiveRingRules(long now) {
        liveRules.run(now);
    }

    void countRingLeak() {
        ringLeaks.incrementAndGet();
    }

    TrackerListener listener() {
        return listener;
    }

    void forEachOpenRecord(java.util.function.Consumer<RingRecord> action) {
        for (RingRecord r : rings.values()) {
            action.accept(r);
        }
    }

    /** Visits the open rings, then the recently closed ones (for {@link TrackerState}). */
    void forEachRecord(java.util.function.Consumer<RingRecord> action) {
        for (RingRecord r : rings.values()) {
            action.accept(r);
        }
        List<RingRecord> closed;
        synchronized (recentlyClosed) {
            closed = new ArrayList<>(recentlyClosed);
        }
        for (RingRecord r : closed) {
            action.accept(r);
        }
    }

    /** The record of an open ring, or null. */
    RingRecord openRecord(long ringId) {
        return rings.get(ringId);
    }

    public CreationStacks stacks() {
        return stacks;
    }

    /**
     * The record of ring {@code id}, or null if untracked. A small direct-mapped cache in front of the map
     * keeps the per-registration lookup free of boxing; a stale entry is harmless (a closed record ignores
     * slot changes) and is overwritten by the next ring that maps there.
     */
    private RingRecord ring(long id) {
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

    // ---- helpers ----------------------------------------------------------------------------------------

    /** Advances the coarse clock; returns the time. */
    private long tick() {
        long now = System.nanoTime();
        coarseNanos = now;
        return now;
    }

    private boolean admit() {
        if (tracked.incrementAndGet() > maxTracked) {
            tracked.decrementAndGet();
            dropped.increment();
            return false;
        }
        return true;
    }

    private void untrack(int n) {
        tracked.addAndGet(-n);
    }

    private CreationSite slotSite() {
        return switch (slotStacks) {
            case ALL -> stacks.capture();
            case SAMPLED -> registrations++ % sampleInterval == 0 ? stacks.capture() : null;
            case OFF -> null;
        };
    }

    /** What slot {@code slot} of ring {@code ringFd} holds as the kernel shows it, or null. */
    private String slotFile(int ringFd, int slot) {
        RingFdInfo info = proc().ringFdInfo(ringFd).orElse(null);
        RingFdInfo.FileSlot f = info == null ? null : info.files().slot(slot);
        return f == null ? null : f.target();
    }

    /** The ring's SQPOLL thread id, confirmed as a live iou-sqp thread, or -1. */
    private int sqThread(int ringFd) {
        RingFdInfo info = proc().ringFdInfo(ringFd).orElse(null);
        if (info == null || !info.hasSqThread()) {
            return -1;
        }
        return proc().sqpollThreadAlive(info.sqThread()).orElse(false) ? info.sqThread() : -1;
    }

    static String threadName() {
        return threadName(Thread.currentThread());
    }

    static String threadName(Thread t) {
        String n = t.getName();
        return n.isEmpty() ? "thread #" + t.getId() : n; // getId, not threadId: the core runs on JDK 17
    }
}
