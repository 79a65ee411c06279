package dev.ringwatch.agent.track;

import dev.ringwatch.agent.finding.Rule;
import dev.ringwatch.agent.proc.RingFdInfo;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;

/**
 * The GC rules, "ring outlived owner" and "slot outlived owner": every owner is watched through an
 * {@link OwnerWatch} on one queue, and {@link #drain} (on the tracker's thread) turns the owners the GC
 * found unreachable into reports, once per resource, then hands them to reclaim.
 */
final class OwnerGoneRules {
    private final ReferenceQueue<Object> queue = new ReferenceQueue<>();
    private final Tracker tracker;

    OwnerGoneRules(Tracker tracker) {
        this.tracker = tracker;
    }

    /** Where the watches of new rings and slots go. */
    ReferenceQueue<Object> queue() {
        return queue;
    }

    /**
     * Waits up to {@code timeoutMillis} for the first unreachable owner, then reports every one queued; returns
     * how many it handled. One failed report does not lose the others already taken off the queue.
     */
    int drain(long timeoutMillis) throws InterruptedException {
        int handled = 0;
        RuntimeException failure = null;
        Reference<?> ref = queue.remove(timeoutMillis);
        tracker.tick();
        while (ref != null) {
            if (ref instanceof OwnerWatch w) {
                try {
                    if (w.slot == null) {
                        ringOwnerGone(w.ring);
                    } else {
                        slotOwnerGone(w.slot);
                    }
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
                handled++;
            }
            ref = queue.poll();
        }
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
        tracker.readKernelView(r); // a ring made and dropped between two polls: reclaim checks its inode
        Object ring = r.ring();
        try {
            tracker.listener().ringLeak(new LeakReport.RingLeak(r.view(), System.nanoTime() - r.createdNanos,
                    occupied, ring == null, r.facts.sqpoll() ? sqThread(r.fd) : -1));
        } finally {
            tracker.countLeak(Rule.RING_OUTLIVED_OWNER); // counted once said: whoever sees the count finds the line and event
        }
        tracker.reclaimRing(r, ring);
    }

    private void slotOwnerGone(SlotRecord s) {
        RingRecord r = s.ring;
        if (!r.claimSlotLeakReport(s)) {
            return;
        }
        try {
            tracker.listener().slotLeak(new LeakReport.SlotLeak(r.view(), s.view(), System.nanoTime() - s.createdNanos,
                    slotFile(r.fd, s.slot)));
        } finally {
            tracker.countLeak(Rule.SLOT_OUTLIVED_OWNER);
        }
        tracker.reclaimSlot(r, s);
    }

    /** What slot {@code slot} of ring {@code ringFd} holds as the kernel shows it, or null. */
    private String slotFile(int ringFd, int slot) {
        RingFdInfo info = tracker.proc().ringFdInfo(ringFd).orElse(null);
        RingFdInfo.FileSlot f = info == null ? null : info.files().slot(slot);
        return f == null ? null : f.target();
    }

    /** The ring's SQPOLL thread id, confirmed as a live iou-sqp thread, or -1. */
    private int sqThread(int ringFd) {
        RingFdInfo info = tracker.proc().ringFdInfo(ringFd).orElse(null);
        if (info == null || !info.hasSqThread()) {
            return -1;
        }
        return tracker.proc().sqpollThreadAlive(info.sqThread()).orElse(false) ? info.sqThread() : -1;
    }
}
