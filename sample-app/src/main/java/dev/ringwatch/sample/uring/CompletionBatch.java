package dev.ringwatch.sample.uring;

import dev.ringwatch.ring.CompletionHandler;
import dev.ringwatch.ring.IoUring;

import java.util.Arrays;

/**
 * Completions copied out of the CQ, so that handling them may queue new SQEs and submit without
 * re-entering the ring from inside {@link IoUring#forEachCompletion}.
 */
public final class CompletionBatch implements CompletionHandler {
    private long[] userData;
    private int[] res;
    private int[] flags;
    private int size;

    public CompletionBatch(int capacity) {
        userData = new long[capacity];
        res = new int[capacity];
        flags = new int[capacity];
    }

    /** Empties the batch and fills it with every ready completion of {@code ring}; returns how many. */
    public int reap(IoUring ring) {
        size = 0;
        ring.forEachCompletion(this);
        return size;
    }

    public long userData(int i) {
        return userData[i];
    }

    public int res(int i) {
        return res[i];
    }

    public int flags(int i) {
        return flags[i];
    }

    @Override
    public void handle(long ud, int r, int f) {
        if (size == userData.length) {
            userData = Arrays.copyOf(userData, size * 2);
            res = Arrays.copyOf(res, size * 2);
            flags = Arrays.copyOf(flags, size * 2);
        }
        userData[size] = ud;
        res[size] = r;
        flags[size] = f;
        size++;
    }
}
