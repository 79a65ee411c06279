package dev.ringwatch.ring;

/**
 * Hands ready completions to the application's handler, resource-tag completions to the fixed-file
 * table, and decides when reaping must enter the kernel: deferred task work, and completions the kernel
 * kept aside because the CQ was full (IORING_SQ_CQ_OVERFLOW, flushed like liburing's
 * {@code cq_ring_needs_flush}). Refuses to be re-entered from a handler, so no completion is seen twice.
 */
final class CompletionReaper {
    private final IoUring ring;
    private final SubmissionQueue sq;
    private final CompletionQueue cq;
    private final boolean needsGetEvents;
    private boolean reaping;

    CompletionReaper(IoUring ring, SubmissionQueue sq, CompletionQueue cq, boolean needsGetEvents) {
        this.ring = ring;
        this.sq = sq;
        this.cq = cq;
        this.needsGetEvents = needsGetEvents;
    }

    /**
     * Hands up to {@code max} application completions to {@code small} or {@code big} (exactly one is
     * non-null) and returns how many it handed.
     */
    int reap(CompletionHandler small, BigCompletionHandler big, int max) {
        if (reaping) {
            throw new IllegalStateException("completions of " + ring + " reaped again from inside a completion handler"
                    + " (or a FileDropListener): each completion is delivered once; return from the handler and reap"
                    + " in the caller's loop");
        }
        reaping = true;
        try {
            if (needsGetEvents && cq.ready() == 0) {
                ring.getEvents();
            }
            int seen = reapReady(small, big, max);
            // One load of the SQ flags per reap: the kernel sets CQ_OVERFLOW when it kept completions
            // aside for lack of room; entering with GETEVENTS moves them into the room just made.
            while (seen < max && (sq.flags() & SubmissionQueue.CQ_OVERFLOW) != 0) {
                ring.getEvents();
                if (cq.ready() == 0) {
                    break;
                }
                seen += reapReady(small, big, max - seen);
            }
            return seen;
        } finally {
            reaping = false;
        }
    }

    private void tagCompleted(long tag) {
        FileTable t = ring.files();
        if (t != null) {
            t.tagArrived(tag);
        }
    }

    /**
     * CQEs are read in place. If the handler throws, the completions before it stay consumed and the
     * failing one is consumed too: none is seen twice.
     */
    private int reapReady(CompletionHandler small, BigCompletionHandler big, int max) {
        CompletionQueue q = cq;
        int head = q.head();
        int tail = q.tail();
        if (Integer.compareUnsigned(tail - head, q.entries) > 0) {
            // Another thread's close swapped the ring for zeroed memory between the two loads (reap()
            // reports the closed ring); looping over such a span would never end.
            throw new IllegalStateException("CQ head " + head + " and tail " + tail + " more than "
                    + q.entries + " apart");
        }
        int seen = 0;
        try {
            while (head != tail && seen < max) {
                long userData = q.word(head, 0);
                long resFlags = q.word(head, 8);
                int at = head++;
                if ((userData & 0xFFFF_0000_0000_0000L) == IoUring.TAG_PREFIX) {
                    tagCompleted(userData);
                } else {
                    seen++;
                    if (big == null) {
                        small.handle(userData, (int) resFlags, (int) (resFlags >>> 32));
                    } else {
                        big.handle(userData, (int) resFlags, (int) (resFlags >>> 32), q.word(at, 16), q.word(at, 24));
                    }
                }
            }
        } finally {
            q.advanceTo(head);
        }
        return seen;
    }
}
