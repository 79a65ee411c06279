package dev.ringwatch.agent.track;

import dev.ringwatch.agent.kernel.InFlightOp;

import java.util.function.Consumer;

/**
 * One ring's long-lived operations in flight on fixed files (polls, multishot accepts), bounded: re-arming the
 * same kind of op on the same slot replaces the old record, and beyond {@value #CAPACITY} records the oldest
 * is forgotten. Completions and cancellations are not seen (that would mean instrumenting the completion
 * path), so a record stays until it is replaced, pushed out, or the ring closes. Guarded by the ring's record.
 */
final class InFlightOps {
    static final int CAPACITY = 64;
    /** Op names by {@code Hooks.OP_*}; accepts, plain and direct, are one kind (direct preps through plain). */
    private static final String[] NAMES = {"POLL_ADD", "POLL_ADD multishot", "ACCEPT multishot",
            "ACCEPT multishot direct"};
    private static final int[] KINDS = {0, 1, 2, 2};

    private final int[] slots = new int[CAPACITY];
    private final byte[] ops = new byte[CAPACITY];
    private final long[] since = new long[CAPACITY];
    private int size;

    /** Records op {@code op} armed on {@code slot} at {@code nanos}; unknown ops are ignored. */
    void armed(int slot, int op, long nanos) {
        if (op < 0 || op >= NAMES.length) {
            return;
        }
        int kind = KINDS[op];
        int at = -1;
        int oldest = 0;
        for (int i = 0; i < size; i++) {
            if (slots[i] == slot && KINDS[ops[i]] == kind) {
                at = i;
                break;
            }
            if (since[i] - since[oldest] < 0) {
                oldest = i;
            }
        }
        if (at < 0) {
            at = size < CAPACITY ? size++ : oldest;
        }
        slots[at] = slot;
        ops[at] = (byte) op;
        since[at] = nanos;
    }

    int size() {
        return size;
    }

    /** Visits the records as the reconciler reads them (no user data: see {@code SqeAdvice}). */
    void forEach(long ringId, Consumer<? super InFlightOp> action) {
        for (int i = 0; i < size; i++) {
            action.accept(new InFlightOp(ringId, slots[i], NAMES[ops[i]], 0L, since[i]));
        }
    }
}
