package dev.ringwatch.sample.soak;

import dev.ringwatch.ring.Os;
import dev.ringwatch.ring.Sockets;
import dev.ringwatch.sample.cli.Command;
import dev.ringwatch.sample.cli.ResultLine;
import dev.ringwatch.sample.cli.Options;
import dev.ringwatch.sample.cli.ParsedOptions;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;

/**
 * The reliability soak: threads churning rings, SQPOLL rings and slots for minutes, with a counted share
 * of deliberate leaks, meant to run under the agent with reconcilePeriod=100ms and reclaim=true
 * (scripts/soak.sh). It prints its memory over time and, at the end, what it leaked and which exceptions
 * reached it; the script checks the agent's leak lines against those counts.
 */
public final class SoakCommand extends Command {
    /** After the churn stops: how long the agent gets to report the last leaks (GCs are requested meanwhile). */
    private static final long SETTLE_MILLIS = 30_000;

    public SoakCommand() {
        super("soak",
                "reliability soak: threads churning rings, SQPOLL rings and slots with counted deliberate leaks",
                """
                Runs --threads threads for --seconds. Each creates and closes rings (every --sqpoll-every-th
                with SQPOLL, at most --sqpoll-max at once), registers and releases fixed-file slots on its own
                ring, and every --leak-every-th step leaks on purpose: a slot, a ring or an SQPOLL ring dropped
                without close(). Every --sample-seconds it prints a 'soak-sample' line (heap after a GC,
                resident memory, what the agent tracks). At the end it waits up to 30 s for the agent to report
                the last leaks, then prints the leaks made by kind and the exceptions that reached it.
                scripts/soak.sh runs it under the agent and compares.""");
    }

    @Override
    public Options options() {
        return new Options(name())
                .intOption("seconds", "S", 600, 1, 86_400, "how long to churn")
                .intOption("threads", "N", 8, 1, 64, "churning threads")
                .intOption("leak-every", "N", 200, 0, 1_000_000, "every N-th step of a thread leaks (0: never)")
                .intOption("sqpoll-every", "N", 10, 0, 1_000_000, "every N-th clean ring is SQPOLL (0: never)")
                .intOption("sqpoll-max", "N", 4, 1, 64, "SQPOLL rings open at once at most (kernel threads)")
                .intOption("sample-seconds", "S", 0, 0, 3600, "memory sample period (0: a twentieth of the run)");
    }

    @Override
    public int run(ParsedOptions o, PrintStream out) throws Exception {
        int seconds = o.intValue("seconds");
        int threads = o.intValue("threads");
        int samplePeriod = o.intValue("sample-seconds") > 0 ? o.intValue("sample-seconds") : Math.max(1, seconds / 20);
        SoakCounts counts = new SoakCounts();
        int socket = Os.socket(Sockets.AF_INET, Sockets.SOCK_STREAM | Sockets.SOCK_CLOEXEC, 0);   // the file every slot holds
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Semaphore sqpollPermits = new Semaphore(o.intValue("sqpoll-max"));
        out.printf(Locale.ROOT, "soak: %d threads for %d s, a leak every %d steps, SQPOLL every %d rings (at most %d"
                        + " at once)%n", threads, seconds, o.intValue("leak-every"), o.intValue("sqpoll-every"),
                o.intValue("sqpoll-max"));
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            SoakWorker w = new SoakWorker(socket, o.intValue("leak-every"), o.intValue("sqpoll-every"), sqpollPermits,
                    () -> System.nanoTime() < end, counts);
            Thread t = new Thread(w, "soak-" + i);
            t.setUncaughtExceptionHandler((thread, e) -> counts.exception(e));
            workers.add(t);
            t.start();
        }
        long start = System.nanoTime();
        sample(out, 0, counts);
        while (System.nanoTime() < end) {
            Thread.sleep(Math.min(samplePeriod * 1000L, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            sample(out, (System.nanoTime() - start) / 1_000_000_000L, counts);
        }
        for (Thread t : workers) {
            t.join();
        }
        settle(out, counts);
        sample(out, (System.nanoTime() - start) / 1_000_000_000L, counts);
        for (Map.Entry<String, LongAdder> e : counts.exceptions.entrySet()) {
            out.println("soak-exception count=" + e.getValue().sum() + " " + e.getKey());
        }
        out.println(new ResultLine(name())
                .add("seconds", seconds).add("threads", threads)
                .add("rings", counts.rings.sum()).add("sqpollRings", counts.sqpollRings.sum())
                .add("slots", counts.slots.sum()).add("nops", counts.nops.sum())
                .add("leakedRings", counts.leakedRings.sum()).add("leakedSqpollRings", counts.leakedSqpollRings.sum())
                .add("leakedSlots", counts.leakedSlots.sum()).add("leaksMade", counts.leaksMade())
                .add("leaksReportedJmx", MemorySample.agentLeaksReported())
                .add("exceptions", counts.exceptionCount()));
        return counts.exceptionCount() == 0 ? 0 : 1;
    }

    /** Requests GCs until the agent reported as many leaks as were made, or the settle time ran out. */
    private static void settle(PrintStream out, SoakCounts counts) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            System.gc();
            long reported = MemorySample.agentLeaksReported();
            if (reported < 0 || reported >= counts.leaksMade()) {
                break;
            }
            Thread.sleep(250);
        }
        out.println("soak: churn stopped; leaks made " + counts.leaksMade() + ", agent reported "
                + MemorySample.agentLeaksReported() + " (JMX LeaksReported; -1: no agent)");
    }

    private static void sample(PrintStream out, long atSeconds, SoakCounts counts) {
        MemorySample s = MemorySample.take();
        out.printf(Locale.ROOT, "soak-sample t=%ds heapAfterGcMiB=%.1f rssMiB=%.1f trackedRings=%d trackedSlots=%d"
                        + " leaksMade=%d leaksReported=%d rings=%d slots=%d exceptions=%d%n",
                atSeconds, s.heapAfterGcBytes() / 1048576.0, s.rssBytes() / 1048576.0, s.trackedRings(), s.trackedSlots(),
                counts.leaksMade(), s.leaksReported(), counts.rings.sum() + counts.sqpollRings.sum(),
                counts.slots.sum(), counts.exceptionCount());
        out.flush();
    }
}
