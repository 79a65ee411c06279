package dev.ringwatch.agent.track;

import dev.ringwatch.agent.config.AgentOptions;
import dev.ringwatch.agent.config.SlotStacks;
import dev.ringwatch.agent.finding.Rule;
import dev.ringwatch.agent.model.RingFacts;
import dev.ringwatch.agent.proc.ProcView;
import dev.ringwatch.agent.proc.RingFdInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The agent's model of live rings and slots, fed by every adapter through {@link Hooks} on the application's
 * threads. It keeps the open rings ({@link RingRegistry}) and the recently closed ones ({@link ClosedRings});
 * {@link #processQueue(long)} runs on the tracker's own thread: it reads each new ring's kernel view (so no
 * /proc read happens on the application's thread), runs the GC rules ({@link OwnerGoneRules}) and reclaim.
 *
 * <p>Costs: O(1) per call, one map lookup by ring id plus the ring's own monitor; no lock is shared
 * between rings. Memory is bounded by {@code maxTracked} records.
 */
public final class Tracker {
    static final String BY_APPLICATION = "application";
    static final String BY_RECLAIM = "reclaim";
    private static final int MAX_DISTINCT_SITES = 4096;
    /** Ids the tracker assigns start above this: ring-core counts from 1 and never gets near it. */
    public static final long ASSIGNED_IDS = 1L << 48;

    /** Null until first needed: creating the system view early would cost start-up time. */
    private volatile ProcView proc;
    private final SlotStacks slotStacks;
    private final int sampleInterval;
    private final boolean reclaim;
    private final CreationStacks stacks;
    private final RingRegistry registry;
    private final ClosedRings closed = new ClosedRings();
    private final CapDroppedRings capDropped = new CapDroppedRings();
    /** Rings whose set-up a library started and has not finished (their fds exist, not yet tracked). */
    private final AtomicInteger settingUp = new AtomicInteger();
    private final OwnerGoneRules ownerGone = new OwnerGoneRules(this);
    /** Rings whose kernel view (inode, SQPOLL thread) the tracker's thread has not read yet. */
    private final ConcurrentLinkedQueue<RingRecord> unread = new ConcurrentLinkedQueue<>();
    private final AtomicLong assignedIds = new AtomicLong(ASSIGNED_IDS);
    private final LiveRingRules liveRules;
    private final LeakCounts leaks = new LeakCounts();
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
        this.registry = new RingRegistry(options.maxTracked());
        this.reclaim = options.reclaim();
        this.stacks = new CreationStacks(options.stackDepth(), MAX_DISTINCT_SITES);
        this.liveRules = new LiveRingRules(this, options.pileUpThreshold(), options.pileUpWindow().toNanos());
    }

    public void listener(TrackerListener l) {
        this.listener = l == null ? TrackerListener.NONE : l;
    }

    TrackerListener listener() {
        return listener;
    }

    public ProcView proc() {
        ProcView p = proc;
        if (p == null) {
            p = ProcView.system();
            proc = p;
        }
        return p;
    }

    // ---- called from the adapters, on the application's threads ----------------------------------------

    /**
     * A ring was set up. {@code explicitOwner} is null when the ring owns itself. A library without ring ids
     * passes {@code facts.id()} 0 and gets one here, from a range ({@link #ASSIGNED_IDS}) no library's own
     * counter reaches. Returns the ring's id, or 0 when the ring is not tracked (the cap was reached).
     */
    public long ringOpened(Object ring, RingFacts facts, Object explicitOwner, boolean ownerAlreadyGone) {
        if (facts.ringId() == 0) {
            facts = facts.withId(assignedIds.incrementAndGet());
        }
        if (!registry.admit()) {
            capDropped.add(facts.ringId(), facts.ringFd(), facts.sqpoll(), ring);
            return 0;
        }
        long now = tick();
        RingRecord r = new RingRecord(facts, ring, explicitOwner, ownerGone.queue(), now, System.currentTimeMillis(),
                threadName(), stacks.capture());
        // its identity in /proc, read before another thread's new ring can reuse the fd (see TrackerTest)
        r.identify(proc().fdInode(r.fd).orElse(-1L));
        registry.add(r);
        unread.add(r);
        if (ownerAlreadyGone) {
            r.ownerWatch.enqueue();
        }
        listener.ringCreated(r.view());
        return r.id;
    }

    void ringSetupStarted() {
        settingUp.incrementAndGet();
    }

    void ringSetupEnded() {
        settingUp.updateAndGet(n -> n > 0 ? n - 1 : 0); // installed mid-set-up: an end without its start
    }

    /** Whether a library is setting up a ring now (the reconciler then calls no io_uring fd untracked). */
    boolean ringsBeingSetUp() {
        return settingUp.get() > 0;
    }

    /** A ring's first close is under way; its fd and mappings are still valid. */
    public void ringClosing(long ringId) {
        RingRecord r = registry.get(ringId);
        if (r == null) {
            capDropped.closing(ringId, this::proc);
            return;
        }
        // the tracker's thread did not get to it yet: read its kernel view while the fd is still the ring's
        readKernelView(r);
        closeRecord(r, stacks.capture(), ringId == reclaimingRingId ? BY_RECLAIM : BY_APPLICATION);
    }

    /** The ring object {@code ring} is being closed, for adapters that keep no id (a scan: closes are rare). */
    public void ringClosing(Object ring) {
        RingRecord r = registry.byObject(ring);
        if (r != null) {
            ringClosing(r.id);
        } else {
            long dropped = capDropped.idOf(ring);
            if (dropped != 0) {
                capDropped.closing(dropped, this::proc);
            }
        }
    }

    /** Names the thread that runs ring {@code ringId} (an event loop's), watched weakly. */
    public void ringOwnerThread(long ringId, Thread thread) {
        RingRecord r = registry.open(ringId);
        if (r != null && thread != null) {
            r.ownerThread(thread);
        }
    }

    public void slotOccupied(Object table, long ringId, int slot, int fd, long tag, boolean kernelInstalled,
                             Object owner, boolean explicitOwner, String ownerClass) {
        RingRecord r = registry.get(ringId);
        if (r == null || !registry.admit()) {
            return;
        }
        r.rememberTable(table);
        CreationSite site = slotSite();
        boolean sameOwner = explicitOwner && owner != null && owner == r.explicitOwnerIfAlive();
        SlotRecord s = new SlotRecord(r, slot, fd, tag, kernelInstalled, ownerClass, explicitOwner, sameOwner,
                coarseNanos, threadName(), site);
        s.watch = new OwnerWatch(owner, ownerGone.queue(), r, s);
        if (owner == null) {
            s.watch.enqueue(); // an explicit owner already collected: the slot has no owner left
        }
        SlotRecord stale = r.occupy(s);
        if (stale != null) {
            registry.untrack(1); // a missed release, or (stale == s) the ring closed meanwhile
            if (stale == s) {
                return;
            }
        }
        TrackerListener l = listener;
        if (l.wantsSlotUpdates()) {
            l.slotUpdated(ringId, r.fd, slot, TrackerListener.SLOT_REGISTERED, fd, tag, explicitOwner ? ownerClass : "",
                    0L);
        }
    }

    public void slotVacated(long ringId, int slot, long tag) {
        RingRecord r = registry.get(ringId);
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
            registry.untrack(1);
        }
        if (events) {
            l.slotUpdated(ringId, r.fd, slot, TrackerListener.SLOT_RELEASED, s.fd, tag,
                    s.explicitOwner ? s.ownerClass : "", 0L);
        }
    }

    public void slotDropConfirmed(long ringId, int slot, long tag) {
        RingRecord r = registry.get(ringId);
        SlotRecord s = r == null ? null : r.dropConfirmed(tag);
        if (s == null) {
            return;
        }
        registry.untrack(1);
        TrackerListener l = listener;
        if (l.wantsSlotUpdates()) {
            l.slotUpdated(ringId, r.fd, slot, TrackerListener.SLOT_DROP_CONFIRMED, s.fd, tag,
                    s.explicitOwner ? s.ownerClass : "", System.nanoTime() - s.releasedNanos);
        }
    }

    /** A long-lived op ({@code Hooks.OP_*}) was prepared on fixed-file slot {@code slot}. */
    public void inFlightArmed(long ringId, int slot, int op) {
        RingRecord r = registry.get(ringId);
        if (r != null) {
            r.inFlightArmed(slot, op, System.nanoTime());
        }
    }

    // ---- the tracker's thread ---------------------------------------------------------------------------

    /**
     * Reads new rings' kernel views, waits up to {@code timeoutMillis} for owners the GC found unreachable
     * and reports them; returns how many watches it handled. Also forgets closed rings past their retention.
     */
    public int processQueue(long timeoutMillis) throws InterruptedException {
        tick();
        readKernelViews();
        try {
            return ownerGone.drain(timeoutMillis);
        } finally {
            long now = System.nanoTime();
            closed.expire(now);
            capDropped.housekeeping(this::proc, now);
            capDropped.warnOnce(registry.dropped(), registry.maxTracked());
        }
    }

    /** Rings dropped at the cap, for the reconciler. */
    CapDroppedRings capDropped() {
        return capDropped;
    }

    private void readKernelViews() {
        RingRecord r;
        while ((r = unread.poll()) != null) {
            readKernelView(r);
        }
    }

    /**
     * Reads ring {@code r}'s SQPOLL thread from fdinfo, once, while it is open. The fd may have been closed and
     * reused since the ring was made: {@link RingRecord#kernelView} keeps only what fdinfo says of the same inode.
     */
    void readKernelView(RingRecord r) {
        if (r.needsKernelView()) {
            RingFdInfo info = proc().ringFdInfo(r.fd).orElse(null);
            if (info != null) {
                r.kernelView(info.ino(), info.sqThread());
            }
        }
    }

    /** After a ring's owner-gone report: reclaim it when the option asks for it. */
    void reclaimRing(RingRecord r, Object ring) {
        if (reclaim) {
            listener.reclaimed(reclaimer().reclaimRing(r, ring));
        }
    }

    /** After a slot's owner-gone report: reclaim it when the option asks for it. */
    void reclaimSlot(RingRecord r, SlotRecord s) {
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
        registry.remove(r);
        registry.untrack(1 + c.occupiedSlots() + c.pendingReleases());
        closed.add(r);
        listener.ringClosed(r.view(), now - r.createdNanos, c.occupiedSlots());
    }

    // ---- the kernel reconciler's findings ---------------------------------------------------------------

    /**
     * Claims the report of a leak the kernel reconciler found, so that no ring or slot is reported twice
     * (once by a GC rule here, once by a kernel rule). {@code ringId} 0: the finding names no tracked ring
     * (an untracked ring, socket drift); {@code slot} -1: it is about the ring itself. Returns true (and counts
     * the leak under {@code rule}) when it is to be reported, false when that ring or slot was reported already.
     */
    public boolean claimKernelLeak(Rule rule, long ringId, int slot, long tag) {
        RingRecord r = ringId == 0 ? null : anyRecord(ringId);
        boolean claimed = r == null || (slot < 0 ? r.claimKernelRingLeak() : r.claimKernelSlotLeak(slot, tag));
        if (claimed) {
            leaks.count(rule);
        }
        return claimed;
    }

    /** The record of ring {@code id}, open or recently closed, or null. */
    private RingRecord anyRecord(long id) {
        RingRecord r = registry.open(id);
        return r != null ? r : closed.find(id);
    }

    // ---- model views ------------------------------------------------------------------------------------

    public TrackerSnapshot snapshot() {
        List<TrackerSnapshot.RingView> open = new ArrayList<>();
        for (RingRecord r : registry.all()) {
            TrackerSnapshot.RingView v = r.view();
            if (v.open()) {
                open.add(v);
            }
        }
        open.sort(TrackerSnapshot.BY_RING_ID);
        List<TrackerSnapshot.RingView> recentlyClosed = new ArrayList<>();
        for (RingRecord r : closed.list()) {
            recentlyClosed.add(r.view());
        }
        return new TrackerSnapshot(System.nanoTime(), List.copyOf(open), List.copyOf(recentlyClosed), counts());
    }

    public TrackerSnapshot.Counts counts() {
        long occupied = 0;
        long pending = 0;
        for (RingRecord r : registry.all()) { // per-ring counts keep the registration path free of shared counters
            occupied += r.occupiedCount();
            pending += r.awaitingCount();
        }
        return new TrackerSnapshot.Counts(registry.liveRings(), registry.sqpollRings(), occupied, pending,
                leaks.ringLeaks(), leaks.slotLeaks(), reclaimedRings.get(), reclaimedSlots.get(),
                registry.dropped(), registry.tracked(), leaks.kernelLeaks());
    }

    /** Leaks reported since start by each rule, every rule present (for JMX). */
    public Map<Rule, Long> leaksByRule() {
        return leaks.byRule();
    }

    /** The rules over live rings (pile-up, outlived thread): the tracker's thread runs them after each poll. */
    public void runLiveRingRules(long now) {
        liveRules.run(now);
    }

    /** One leak of {@code rule} reported by the tracker's own rules (counted once said). */
    void countLeak(Rule rule) {
        leaks.count(rule);
    }

    void forEachOpenRecord(Consumer<RingRecord> action) {
        registry.all().forEach(action);
    }

    /** Visits the open rings, then the recently closed ones (for {@link TrackerState}). */
    void forEachRecord(Consumer<RingRecord> action) {
        registry.all().forEach(action);
        closed.list().forEach(action);
    }

    /** The record of an open ring, or null. */
    RingRecord openRecord(long ringId) {
        return registry.open(ringId);
    }

    public CreationStacks stacks() {
        return stacks;
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** Advances the coarse clock; returns the time. */
    long tick() {
        long now = System.nanoTime();
        coarseNanos = now;
        return now;
    }

    private CreationSite slotSite() {
        return switch (slotStacks) {
            case ALL -> stacks.capture();
            case SAMPLED -> registrations++ % sampleInterval == 0 ? stacks.capture() : null;
            case OFF -> null;
        };
    }

    static String threadName() {
        return threadName(Thread.currentThread());
    }

    static String threadName(Thread t) {
        String n = t.getName();
        return n.isEmpty() ? "thread #" + t.getId() : n; // getId, not threadId: the core runs on JDK 17
    }
}
