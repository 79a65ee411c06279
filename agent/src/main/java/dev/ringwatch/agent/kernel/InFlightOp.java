package dev.ringwatch.agent.kernel;

import java.util.Objects;

/**
 * A long-lived operation in flight on a fixed file (a poll, a multishot accept): on kernels before 6.13 the
 * oldest of them holds back every later slot release of its ring, so a stalled release names it.
 *
 * @param ringId          the ring it was submitted to
 * @param slot            the fixed-file slot it operates on
 * @param op              what it is, e.g. {@code POLL_ADD multishot}
 * @param userData        its user data
 * @param armedSinceNanos {@link System#nanoTime()} at submission
 */
public record InFlightOp(long ringId, int slot, String op, long userData, long armedSinceNanos) {
    public InFlightOp {
        Objects.requireNonNull(op, "op");
    }
}
