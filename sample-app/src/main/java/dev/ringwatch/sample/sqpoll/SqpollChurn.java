package dev.ringwatch.sample.sqpoll;

import dev.ringwatch.ring.IoUring;
import dev.ringwatch.ring.SetupFlags;
import dev.ringwatch.sample.cli.Command;
import dev.ringwatch.sample.cli.AgentHint;
import dev.ringwatch.sample.cli.Linger;
import dev.ringwatch.sample.cli.ResultLine;
import dev.ringwatch.sample.cli.Text;
import dev.ringwatch.sample.cli.Options;
import dev.ringwatch.sample.cli.ParsedOptions;
import dev.ringwatch.sample.cli.UsageException;
import dev.ringwatch.sample.proc.ProcStats;
import dev.ringwatch.sample.uring.Awaiter;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Creates and destroys SQPOLL rings with 128-byte SQEs and 32-byte CQEs, the set-up of liburing issue
 * 1310, and on request drops some without closing them. Each dropped ring keeps its kernel thread
 * ({@code iou-sqp-PID}) until the process exits, which the thread count shows.
 */
public final class SqpollChurn extends Command {
    /**
     * The thread count lags the rings: a closed ring's thread exits some tens of ms after close. Before
     * printing, wait this long at most for the count to catch up; what is printed is what was seen.
     */
    private static final Duration SETTLE = Duration.ofMillis(500);
    private static final Duration NOP_TIMEOUT = Duration.ofSeconds(5);

    public SqpollChurn() {
        super("sqpoll-churn",
                "create and close SQPOLL rings (SQE128, CQE32); --leak-every N drops every N-th one unclosed",
                """
                Creates SQPOLL rings with 128-byte SQEs and 32-byte CQEs one after another, runs a few NOPs
                on each, and closes it. With --leak-every N every N-th ring is dropped WITHOUT close(): the
                program keeps no reference to it, so its owner becomes unreachable while the kernel keeps the
                ring, its mappings and its iou-sqp thread until the process exits. The live iou-sqp thread
                count (from /proc/self/task/*/comm) is printed after every ring, so the pile-up is visible
                without the agent; under the agent, each dropped ring is reported.""");
    }

    @Override
    public Options options() {
        return Linger.option(new Options(name())
                .intOption("rings", "N", 20, 1, 10_000, "rings to create")
                .intOption("leak-every", "N", 0, 0, 10_000, "drop every N-th ring without closing it (0: never)")
                .intOption("idle-ms", "MS", 100, 0, 60_000, "SQPOLL thread idle time, sq_thread_idle (0: kernel default 1 s)")
                .intOption("entries", "N", 64, 1, 4096, "submission queue depth (33 and up round to 64)")
                .intOption("nops", "N", 4, 1, 4096, "NOPs to run on each ring"));
    }

    @Override
    public int run(ParsedOptions o, PrintStream out) throws Exception {
        int rings = o.intValue("rings");
        int leakEvery = o.intValue("leak-every");
        int idleMs = o.intValue("idle-ms");
        int entries = o.intValue("entries");
        int nops = o.intValue("nops");
        if (nops > entries) {
            throw new UsageException("option --nops (" + nops + ") must not exceed --entries (" + entries + ")");
        }
        ProcStats proc = new ProcStats();
        int start = proc.iouSqpThreads();
        int ringFdsAtStart = proc.ioUringFds();
        out.printf("sqpoll-churn: %d SQPOLL rings (SQE128, CQE32, %d entries, sq_thread_idle %d ms), %d NOPs each, %s%n",
                rings, entries, idleMs, nops, leakEvery == 0 ? "every ring closed"
                        : Text.every(leakEvery, "ring") + " dropped WITHOUT close");
        out.printf("iou-sqp threads at start: %d%n", start);
        int reportEvery = rings <= 40 ? 1 : rings / 20;
        int width = String.valueOf(rings).length();
        int leaked = 0;
        int closed = 0;
        for (int i = 1; i <= rings; i++) {
            boolean leak = leakEvery > 0 && i % leakEvery == 0;
            Outcome r = churnOne(i, entries, idleMs, nops, leak);
            if (leak) {
                leaked++;
            } else {
                closed++;
            }
            int expected = start + leaked;
            int now = proc.iouSqpThreadsOnceSettled(n -> n == expected, SETTLE);
            if (i % reportEvery == 0 || leak || i == rings) {
                out.printf("ring %" + width + "d/%d  fd %-3d %s, %d entries, %d NOPs ok, %-28s iou-sqp threads: %d%n", i,
                        rings, r.fd, r.flags, r.sqEntries, nops, leak ? "dropped WITHOUT close (leak)" : "closed", now);
            }
        }
        int leakedTotal = leaked;
        int end = proc.iouSqpThreadsOnceSettled(n -> n == start + leakedTotal, SETTLE);
        int ringFds = proc.ioUringFds() - ringFdsAtStart;
        out.printf("done: %d rings created, %d closed, %d leaked (dropped without close)%n", rings, closed, leaked);
        out.printf("iou-sqp threads: %d now, %d at start (%+d); io_uring fds still open: %+d%n", end, start, end - start,
                ringFds);
        if (leaked > 0) {
            out.printf("The %d leaked ring(s) keep their fd, mappings and iou-sqp thread until this JVM exits.%n", leaked);
            AgentHint.printUnlessUnderAgent(out, "report each one with where it was created");
        }
        Linger.linger(out, o);
        out.println(new ResultLine(name()).add("rings", rings).add("closed", closed).add("leaked", leaked)
                .add("iou_sqp_start", start).add("iou_sqp_end", end).add("io_uring_fds_delta", ringFds));
        return 0;
    }

    /** What is printed about one ring; deliberately holds no reference to the ring itself. */
    private record Outcome(int fd, String flags, int sqEntries) {
    }

    /** One ring's whole life; when {@code leak}, the ring becomes unreachable on return, unclosed. */
    private static Outcome churnOne(int index, int entries, int idleMs, int nops, boolean leak) {
        IoUring ring = IoUring.builder().entries(entries).sqpoll(Duration.ofMillis(idleMs)).sqe128().cqe32().build();
        try {
            Outcome outcome = new Outcome(ring.fd(), SetupFlags.describe(ring.setupFlags()), ring.sqEntries());
            long[] userData = new long[nops];
            for (int k = 0; k < nops; k++) {
                userData[k] = ((long) index << 16) | k;
                ring.nextSqe().nop().userData(userData[k]);
            }
            int[] results = new Awaiter(ring, NOP_TIMEOUT).submitAndAwaitAll(userData);
            for (int k = 0; k < nops; k++) {
                if (results[k] != 0) {
                    throw new IllegalStateException("NOP " + k + " on " + ring + " completed with " + results[k]);
                }
            }
            return outcome;
        } finally {
            if (!leak) {
                ring.close();
            }
        }
    }
}
