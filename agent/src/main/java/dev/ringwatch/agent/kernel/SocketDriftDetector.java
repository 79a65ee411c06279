package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.finding.Finding;

/**
 * Watches {@code sockets: used} against the process's own sockets over a sliding window of rounds. The
 * kernel count covers the whole network namespace, where other processes come and go, so it only reports a
 * rise that is monotonic over the full window and that our own socket fds and slot-held sockets leave at
 * least {@code threshold} unexplained; and only once per rise: after a report it waits until the count
 * falls before it judges again. Such a rise is only a suspicion (another process may have opened the
 * sockets): the reconciler attributes it before reporting, and a rise it cannot attribute starts a new
 * window, so the attribution runs at most once per window.
 */
final class SocketDriftDetector {
    private final int rounds;
    private final long threshold;
    private final long[] nanos;
    private final long[] used;
    private final int[] fds;
    private final int[] held;
    private int start;
    private int count;
    private boolean reportedThisRise;

    SocketDriftDetector(int rounds, long threshold) {
        this.rounds = rounds;
        this.threshold = threshold;
        this.nanos = new long[rounds];
        this.used = new long[rounds];
        this.fds = new int[rounds];
        this.held = new int[rounds];
    }

    /**
     * Adds one round's counts; returns the drift suspected, or null. Say {@link #reported()} or
     * {@link #unattributed()} of what it returns.
     */
    Finding.SocketDrift sample(long now, long socketsUsed, int socketFds, int slotHeldSockets) {
        if (count > 0 && socketsUsed < used[index(count - 1)]) {
            // The rise is broken: a new window (and a new rise) starts here.
            count = 0;
            start = 0;
            reportedThisRise = false;
        }
        if (count == rounds) {
            start = (start + 1) % rounds;
            count--;
        }
        int i = index(count);
        nanos[i] = now;
        used[i] = socketsUsed;
        fds[i] = socketFds;
        held[i] = slotHeldSockets;
        count++;
        if (count < rounds || reportedThisRise) {
            return null;
        }
        int first = index(0);
        int last = index(count - 1);
        long rise = used[last] - used[first];
        long ours = Math.max(0, fds[last] - fds[first]) + Math.max(0, held[last] - held[first]);
        if (rise - ours < threshold) {
            return null;
        }
        return new Finding.SocketDrift(nanos[last] - nanos[first], rounds, used[first], used[last], fds[first],
                fds[last], held[first], held[last], -1);
    }

    /** The suspected rise was reported: not again until the count falls. */
    void reported() {
        reportedThisRise = true;
    }

    /** The suspected rise is not this process's: judge again after a full new window. */
    void unattributed() {
        count = 0;
        start = 0;
    }

    private int index(int k) {
        return (start + k) % rounds;
    }
}
