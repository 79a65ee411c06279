package dev.ringwatch.agent.track;

import dev.ringwatch.agent.kernel.InFlightOp;
import dev.ringwatch.agent.kernel.TrackedRing;
import dev.ringwatch.agent.kernel.TrackedSlot;
import dev.ringwatch.agent.model.RingFacts;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The tracker's record of one ring. It never holds the ring, its table or any owner strongly. Slot
 * state lives here under this record's monitor, which no other ring shares; ring-core already
 * serialises one table's registrations, so the monitor is uncontended except against the tracker's
 * own thread.
 */
final class RingRecord {
    enum State { OPEN, CLOSED }

    /** The adapter's facts, under the id the tracker keeps the ring by. */
    final RingFacts facts;
    /** {@code facts.id()} and {@code facts.fd()}, read on every slot call. */
    final long id;
    final int fd;
    /** The ring file's inode, read on the creating thread at set-up (see {@link #identify}); -1 when unknown. */
    volatile long inode = -1;
    /** fdinfo SqThread as first read (maybe the creating thread's tid until the SQPOLL thread first ran), or -1. */
    volatile int sqThreadTid = -1;
    private volatile boolean kernelViewRead;
    final long createdNanos;
    final long createdEpochMillis;
    final String creatingThread;
    final CreationSite site;
    /** The thread that runs the ring (an event loop's), weakly; null: the creating thread, not watched. */
    private volatile WeakReference<Thread> ownerThread;
    private volatile String ownerThreadName;
    /** The ring, weakly; it is the owner watch when the ring owns itself. */
    final WeakReference<Object> ringRef;
    /** The owner's watch: the explicit owner's, or {@link #ringRef} itself. */
    final OwnerWatch ownerWatch;
    private volatile WeakReference<Object> tableRef;

    private State state = State.OPEN;
    private boolean leakReported;
    private String closedBy;
    private long closedNanos;
    private CreationSite closeSite;
    private String closeThread;
    private final SlotArray occupied = new SlotArray();
    private final PendingDrops awaitingDrop = new PendingDrops();
    /** Long-lived ops in flight on its slots; null until the first. */
    private InFlightOps inFlight;
    /** The reconciler's view of this ring, made once while open and once at close. */
    private TrackedRing tracked;

    RingRecord(RingFacts f, Object ring, Object explicitOwner, ReferenceQueue<Object> queue, long createdNanos,
               long createdEpochMillis, String thread, CreationSite site) {
        this.facts = f;
        this.id = f.ringId();
        this.fd = f.ringFd();
        this.createdNanos = createdNanos;
        this.createdEpochMillis = createdEpochMillis;
        this.creatingThread = thread;
        this.ownerThreadName = thread;
        this.site = site;
        if (explicitOwner != null) {
            this.ringRef = new WeakReference<>(ring);
            this.ownerWatch = new OwnerWatch(explicitOwner, queue, this, null);
        } else {
            OwnerWatch self = new OwnerWatch(ring, queue, this, null);
            this.ringRef = self;
            this.ownerWatch = self;
        }
    }

    /** Whether the ring's kernel view still has to be read (it is, once, while the ring is open). */
    boolean needsKernelView() {
        return !kernelViewRead && isOpen();
    }

    /** The ring file's inode, as its fd showed it at set-up (before any other thread could close or reuse the fd). */
    synchronized void identify(long ino) {
        inode = ino;
    }

    /**
     * The kernel's view of the ring, read from fdinfo of its fd; the reconciler's view is made again with it.
     * fdinfo of another inode is another ring's (the fd was closed and its number reused): nothing of it is kept.
     */
    synchronized void kernelView(long ino, int sqThread) {
        kernelViewRead = true;
        if (inode > 0 && ino != inode) {
            return;
        }
        inode = ino;
        sqThreadTid = sqThread;
        if (state == State.OPEN) {
            tracked = null;
        }
    }

    /** The ring object if it is still reachable. */
    Object ring() {
        return ringRef.get();
    }

    /** The explicit owner if it is still reachable (null for a ring that owns itself). */
    Object explicitOwnerIfAlive() {
        return ownerWatch == ringRef ? null : ownerWatch.get();
    }

    Object table() {
        WeakReference<Object> t = tableRef;
        return t == null ? null : t.get();
    }

    void rememberTable(Object table) {
        if (tableRef == null || tableRef.get() != table) {
            tableRef = new WeakReference<>(table);
        }
    }

    /** The adapter saw the thread that runs the ring (an event loop's): it becomes the ring's owning thread. */
    void ownerThread(Thread t) {
        ownerThread = new WeakReference<>(t);
        ownerThreadName = Tracker.threadName(t);
    }

    /** The owning thread if one was named and is still reachable, else null. */
    Thread ownerThreadIfKnown() {
        WeakReference<Thread> t = ownerThread;
        return t == null ? null : t.get();
    }

    synchronized long closedNanos() {
        return closedNanos;
    }

    synchronized boolean isOpen() {
        return state == State.OPEN;
    }

    synchronized boolean leakReported() {
        return leakReported;
    }

    /**
     * Marks the ring's owner-gone leak as reported, once. Returns the occupied slot count at that moment,
     * or -1 if the ring is closed or was reported already. When the ring object itself is gone, its slots
     * are covered by this report: their watches stop.
     */
    synchronized int claimLeakReport() {
        if (state != State.OPEN || leakReported) {
            return -1;
        }
        leakReported = true;
        int n = occupied.size();
        if (ringRef.get() == null) {
            for (SlotRecord s : occupied.values()) {
                s.leakReported = true;
                s.watch.clear();
            }
        }
        return n;
    }

    /** Marks the ring reported by a kernel rule: false when a rule (GC or kernel) reported it already. */
    synchronized boolean claimKernelRingLeak() {
        if (leakReported) {
            return false;
        }
        leakReported = true;
        return true;
    }

    /**
     * Marks the registration {@code tag} of {@code slot} reported by a kernel rule: false when it was reported
     * already (its owner gone, or covered by its ring's report). A registration no longer held is not
     * tracked here any more, so nothing else can report it: true.
     */
    synchronized boolean claimKernelSlotLeak(int slot, long tag) {
        SlotRecord s = occupied.get(slot);
        if (s == null || s.tag != tag) {
            return true;
        }
        if (s.leakReported) {
            return false;
        }
        s.leakReported = true;
        return true;
    }

    /** A long-lived op was prepared on one of this ring's slots (ignored once closed). */
    synchronized void inFlightArmed(int slot, int op, long nanos) {
        if (state != State.OPEN) {
            return;
        }
        if (inFlight == null) {
            inFlight = new InFlightOps();
        }
        inFlight.armed(slot, op, nanos);
    }

    /** Copies the in-flight ops under the monitor, then hands them out. */
    void forEachInFlight(Consumer<? super InFlightOp> action) {
        List<InFlightOp> copy = new ArrayList<>();
        synchronized (this) {
            if (inFlight == null || state != State.OPEN) {
                return;
            }
            inFlight.forEach(id, copy::add);
        }
        copy.forEach(action);
    }

    /** Records a registration; returns a stale record the slot held (a missed release), or null. */
    synchronized SlotRecord occupy(SlotRecord s) {
        if (state != State.OPEN) {
            s.watch.clear();
            return s;
        }
        SlotRecord stale = occupied.put(s.slot, s);
        if (stale != null) {
            stale.state = SlotRecord.State.GONE;
            stale.watch.clear();
        }
        return stale;
    }

    /** A release of {@code slot} reached the kernel: returns the record it released, or null if untracked. */
    synchronized SlotRecord vacate(int slot, long tag, long now) {
        SlotRecord s = occupied.get(slot);
        if (s == null || s.tag != tag) {
            return null;
        }
        occupied.remove(slot);
        s.watch.clear();
        s.releasedNanos = now;
        if (tag != 0) {
            s.state = SlotRecord.State.RELEASED;
            awaitingDrop.add(s);
        } else {
            s.state = SlotRecord.State.GONE;
        }
        return s;
    }

    /** The kernel's drop confirmation: returns the released record, or null if it was not tracked. */
    synchronized SlotRecord dropConfirmed(long tag) {
        SlotRecord s = awaitingDrop.remove(tag);
        if (s != null) {
            s.state = SlotRecord.State.GONE;
        }
        return s;
    }

    /** Whether {@code s} still holds its slot (for reclaim, checked under the table's lock). */
    synchronized boolean holds(SlotRecord s) {
        return state == State.OPEN && occupied.get(s.slot) == s;
    }

    /**
     * Whether the owner-gone leak of {@code s} should be reported now (and marks it reported): not if it
     * was released, reported, or is covered by its ring's own report.
     */
    synchronized boolean claimSlotLeakReport(SlotRecord s) {
        if (state != State.OPEN || s.state != SlotRecord.State.OCCUPIED || s.leakReported) {
            return false;
        }
        if (ringRef.get() == null || s.sameOwnerAsRing) {
            return false; // the ring's report (its own watch is queued too) covers this slot
        }
        s.leakReported = true;
        return true;
    }

    /** Result of closing the ring's record. */
    record Closed(int occupiedSlots, int pendingReleases) {
    }

    /**
     * Marks the ring closed (by the application, or by the agent's reclaim); returns what it still held,
     * or null if it was closed already. Every watch stops: the kernel dropped the slots with the ring.
     */
    synchronized Closed close(long now, CreationSite site, String thread, String by) {
        if (state == State.CLOSED) {
            return null;
        }
        state = State.CLOSED;
        closedNanos = now;
        closeSite = site;
        closeThread = thread;
        closedBy = by;
        ownerWatch.clear();
        ringRef.clear();
        for (SlotRecord s : occupied.values()) {
            s.state = SlotRecord.State.GONE;
            s.watch.clear();
        }
        for (SlotRecord s : awaitingDrop.values()) {
            s.state = SlotRecord.State.GONE;
        }
        inFlight = null;
        Closed c = new Closed(occupied.size(), awaitingDrop.size());
        occupied.clear();
        awaitingDrop.clear();
        return c;
    }

    synchronized int occupiedCount() {
        return occupied.size();
    }

    synchronized int awaitingCount() {
        return awaitingDrop.size();
    }

    synchronized List<SlotRecord> occupiedSlots() {
        return occupied.values();
    }

    /** This ring as the kernel reconciler reads it (the same instance until the ring closes). */
    synchronized TrackedRing tracked() {
        if (tracked == null || (state == State.CLOSED && tracked.open())) {
            tracked = new TrackedRing(facts, inode, sqThreadTid, state == State.OPEN, createdNanos,
                    state == State.OPEN ? 0 : closedNanos, closeSite == null ? "" : closeSite.render(""),
                    CreationSite.framesText(site), creatingThread);
        }
        return tracked;
    }

    /** The slots as the kernel reconciler reads them: occupied ones and those awaiting the drop confirmation. */
    synchronized List<TrackedSlot> trackedSlots() {
        List<TrackedSlot> out = new ArrayList<>(occupied.size() + awaitingDrop.size());
        for (SlotRecord s : occupied.values()) {
            out.add(s.tracked());
        }
        for (SlotRecord s : awaitingDrop.values()) {
            out.add(s.tracked());
        }
        return out;
    }

    synchronized TrackerSnapshot.RingView view() {
        List<TrackerSnapshot.SlotView> slots = new ArrayList<>(occupied.size() + awaitingDrop.size());
        for (SlotRecord s : occupied.values()) {
            slots.add(s.view());
        }
        for (SlotRecord s : awaitingDrop.values()) {
            slots.add(s.view());
        }
        slots.sort(TrackerSnapshot.BY_SLOT);
        return new TrackerSnapshot.RingView(facts, inode, createdNanos, createdEpochMillis, creatingThread,
                ownerThreadName, site, state == State.OPEN, leakReported,
                state == State.CLOSED ? closedNanos : 0L, closeSite, closeThread, closedBy, List.copyOf(slots));
    }
}
