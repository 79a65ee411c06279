package dev.ringwatch.agent.track;

import dev.ringwatch.agent.kernel.CapDroppedRing;
import dev.ringwatch.agent.log.AgentLog;
import dev.ringwatch.agent.proc.ProcView;
import dev.ringwatch.agent.proc.RingFdInfo;

import java.lang.System.Logger.Level;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Rings an adapter reported after the tracker reached {@code maxTracked}: not tracked, but known to be a
 * library's, so the reconciler never calls them untracked. Kept compactly (no stack, no slots), at most
 * {@value #MAX} at once; beyond that {@link #overflowed()} says that some are not even remembered. Each is
 * known by inode, read by the tracker's thread (or at its close) under the entry's monitor, which the close
 * also takes before the fd is closed: so the inode is always the ring's, never a reused fd number's. Closed
 * ones are kept {@value #RETENTION_SECONDS} s (a mapping or SQPOLL thread may linger after the close).
 */
final class CapDroppedRings {
    private volatile boolean capWarned;
    static final int MAX = 16_384;
    /** Reads of a ring's fdinfo (one per tracker poll, 100 ms) before it counts as unreadable (fd closed behind ring-core). */
    private static final int READ_ATTEMPTS = 50;
    private static final long RETENTION_SECONDS = 60;

    private static final class Entry {
        final int fd;
        final boolean sqpoll;
        final WeakReference<Object> ring;
        long inode = -1;
        int sqThreadTid = -1;
        int attempts;
        boolean open = true;
        long closedNanos;

        Entry(int fd, boolean sqpoll, Object ring) {
            this.fd = fd;
            this.sqpoll = sqpoll;
            this.ring = new WeakReference<>(ring);
        }

        synchronized void read(ProcView proc) {
            if (open && inode < 0 && attempts < READ_ATTEMPTS) {
                attempts++;
                RingFdInfo info = proc.ringFdInfo(fd).orElse(null);
                if (info != null) {
                    inode = info.ino();
                    sqThreadTid = info.sqThread();
                }
            }
        }

        synchronized boolean unread() {
            return open && inode < 0 && attempts < READ_ATTEMPTS;
        }

        synchronized void close(ProcView proc, long now) {
            read(proc);
            open = false;
            closedNanos = now;
        }

        synchronized CapDroppedRing view() {
            return new CapDroppedRing(inode, sqThreadTid, sqpoll, open, unread());
        }

        synchronized boolean expired(long now) {
            return !open && now - closedNanos > TimeUnit.SECONDS.toNanos(RETENTION_SECONDS);
        }
    }

    private final ConcurrentHashMap<Long, Entry> byId = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Entry> unread = new ConcurrentLinkedQueue<>();
    private volatile boolean overflowed;

    /** One line, the first time the cap made the tracker drop a ring or slot: what is no longer watched. */
    void warnOnce(long dropped, int maxTracked) {
        if (capWarned || dropped == 0) {
            return;
        }
        capWarned = true;
        AgentLog.log(Level.WARNING, "ringwatch: tracking cap reached (maxTracked=" + maxTracked
                + " rings, occupied slots and releases awaiting the kernel's confirmation): rings and slots made"
                + " beyond it are not watched: no leak of any kind is reported for them (they are not untracked:"
                + " ring-core made them), socket drift is not judged while such rings are open, and the exit summary"
                + " does not list them; they count as DroppedEntries in JMX. Raise maxTracked to watch them");
    }

    /** Remembers ring {@code id} (at its set-up, on the application's thread: no /proc read here). */
    void add(long id, int fd, boolean sqpoll, Object ring) {
        if (byId.size() >= MAX) {
            overflowed = true;
            return;
        }
        Entry e = new Entry(fd, sqpoll, ring);
        byId.put(id, e);
        unread.add(e);
    }

    /** Ring {@code id} is being closed (fd still valid): reads its inode if not done yet. False: not one of these. */
    boolean closing(long id, Supplier<ProcView> proc) {
        Entry e = byId.get(id);
        if (e == null) {
            return false;
        }
        e.close(proc.get(), System.nanoTime());
        return true;
    }

    /** The id of the remembered open ring whose object is {@code ring}, or 0 (a scan: closes are rare). */
    long idOf(Object ring) {
        for (var en : byId.entrySet()) {
            if (en.getValue().ring.get() == ring) {
                return en.getKey();
            }
        }
        return 0;
    }

    /** On the tracker's thread: reads the inodes not read yet, forgets rings closed past the retention. */
    void housekeeping(Supplier<ProcView> procs, long now) {
        if (byId.isEmpty()) {
            return;
        }
        ProcView proc = procs.get();
        List<Entry> again = new ArrayList<>();
        Entry e;
        while ((e = unread.poll()) != null) {
            e.read(proc);
            if (e.unread()) {
                again.add(e); // fdinfo was busy: next time
            }
        }
        unread.addAll(again);
        for (Iterator<Entry> it = byId.values().iterator(); it.hasNext(); ) {
            if (it.next().expired(now)) {
                it.remove();
            }
        }
    }

    void forEach(Consumer<? super CapDroppedRing> action) {
        for (Entry e : byId.values()) {
            action.accept(e.view());
        }
    }

    boolean overflowed() {
        return overflowed;
    }
}
