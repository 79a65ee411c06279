package dev.ringwatch.sample.uring;

import dev.ringwatch.ring.CompletionHandler;
import dev.ringwatch.ring.FileTable;
import dev.ringwatch.ring.IoUring;

import java.time.Duration;
import java.util.Arrays;

/**
 * For programs that do one step at a time: submits what is queued and waits, with a deadline, for the
 * completions of given user data. Other completions (a multishot poll's events, say) go to a handler.
 */
public final class Awaiter {
    private static final Duration SLICE = Duration.ofMillis(100);
    private static final CompletionHandler IGNORE = (userData, res, flags) -> { };

    private final IoUring ring;
    private final Duration timeout;
    private CompletionHandler others = IGNORE;

    private final CompletionHandler dispatcher = this::dispatch;
    // state of the current wait
    private long[] wanted;
    private int[] results;
    private boolean[] arrived;
    private int remaining;

    public Awaiter(IoUring ring, Duration timeout) {
        this.ring = ring;
        this.timeout = timeout;
    }

    /** Where completions nobody waits for go (default: dropped). */
    public Awaiter othersTo(CompletionHandler handler) {
        this.others = handler;
        return this;
    }

    /** Submits and waits for one completion with {@code userData}; returns its result. */
    public int submitAndAwait(long userData) {
        return submitAndAwaitAll(userData)[0];
    }

    /** Submits and waits for a completion of each user data; returns the results in the same order. */
    public int[] submitAndAwaitAll(long... userData) {
        wanted = userData;
        results = new int[userData.length];
        arrived = new boolean[userData.length];
        remaining = userData.length;
        ring.submit();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (remaining > 0) {
            if (ring.cqReady() == 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new CompletionTimeoutException("no completion within " + timeout.toMillis() + " ms for user data "
                            + missing() + " on " + ring);
                }
                ring.submitAndWait(1, Duration.ofNanos(Math.min(left, SLICE.toNanos())));
            }
            ring.forEachCompletion(dispatcher);
        }
        return results;
    }

    /**
     * Reaps completions until {@code files} has no release awaiting the kernel's confirmation, or
     * {@code max} has passed; returns how many releases are still unconfirmed.
     */
    public int awaitDropConfirmations(FileTable files, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        ring.forEachCompletion(others);
        while (files.awaitingDrop() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            ring.submitAndWait(1, Duration.ofNanos(Math.min(left, SLICE.toNanos())));
            ring.forEachCompletion(others);
        }
        return files.awaitingDrop();
    }

    private void dispatch(long userData, int res, int flags) {
        for (int i = 0; i < wanted.length; i++) {
            if (wanted[i] == userData && !arrived[i]) {
                arrived[i] = true;
                results[i] = res;
                remaining--;
                return;
            }
        }
        others.handle(userData, res, flags);
    }

    private String missing() {
        long[] m = new long[remaining];
        int j = 0;
        for (int i = 0; i < wanted.length; i++) {
            if (!arrived[i]) {
                m[j++] = wanted[i];
            }
        }
        return Arrays.toString(m);
    }
}
