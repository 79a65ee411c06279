package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.log.AgentLog;

import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.finding.LeakText;

import dev.ringwatch.agent.proc.FdTable;
import dev.ringwatch.agent.proc.ProcError;
import dev.ringwatch.agent.proc.ProcResult;
import dev.ringwatch.agent.proc.ProcView;
import dev.ringwatch.agent.proc.RingFdInfo;
import dev.ringwatch.jfr.RingStatisticsEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Compares the tracker's model of rings and slots with what the kernel reports under /proc, once per
 * period on a daemon thread ({@value #THREAD_NAME}), and reports what differs: closed rings still mapped,
 * SQPOLL threads that outlived their ring, rings nobody tracks, fds closed under a slot, stalled slot
 * releases and socket drift (see {@link Rule}). Each leak is reported once. A /proc file that cannot be
 * read, a ring fd closed behind the agent's back, or a failing sink gives one line and no conclusion; the
 * reconciler keeps running. {@link #runOnce()} runs a round on the caller's thread.
 */
public final class Reconciler implements AutoCloseable {
    public static final String THREAD_NAME = "ringwatch-reconciler";
    private static final long JOIN_MILLIS = 2_000;
    /** Between the final rounds at exit: a slot being torn down (fd closed, then the slot released) settles. */
    private static final long FINAL_GAP_MILLIS = 100;

    private final TrackedState state;
    private final ProcView proc;
    private final AlertSink sink;
    private final ReconcilerOptions options;
    private final LongSupplier clock;
    private final Object lock = new Object();
    private final FaultLog faults;
    private final Reporter reporter = new SinkReporter();
    private final OpenRingPass open;
    private final ClosedRingRules closed;
    private final ForeignRingRules foreign;
    private final SlotRules slots;
    private final SocketDriftDetector drift;
    private final DriftAttribution attribution;
    private final String listingDir;

    private long leaks;
    private volatile long dropped;
    private long rounds;
    private volatile KernelStatistics statistics = KernelStatistics.NONE;
    private Thread thread;
    private volatile boolean stopping;
    private Runnable jfrHook;

    public Reconciler(TrackedState state, ProcView proc, AlertSink sink, ReconcilerOptions options) {
        this(state, proc, sink, options, System::nanoTime);
    }

    /** With the clock rounds read time from ({@link System#nanoTime()} scale, as the tracker's times). */
    Reconciler(TrackedState state, ProcView proc, AlertSink sink, ReconcilerOptions options, LongSupplier clock) {
        this.state = Objects.requireNonNull(state, "state");
        this.proc = Objects.requireNonNull(proc, "proc");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.faults = new FaultLog(options.maxEntries());
        String threadName = ClosedRingRules.sqpollThreadName();
        this.open = new OpenRingPass(proc, options, reporter);
        this.closed = new ClosedRingRules(proc, options, reporter, threadName);
        this.foreign = new ForeignRingRules(proc, options, reporter, threadName);
        this.slots = new SlotRules(options, reporter);
        this.drift = new SocketDriftDetector(options.driftRounds(), options.driftThreshold());
        this.attribution = new DriftAttribution(proc, this::read);
        this.listingDir = realPath(proc.root().fdDir());
    }

    /** Starts the daemon thread (and the periodic statistics event); idempotent. */
    public void start() {
        synchronized (lock) {
            if (thread != null) {
                return;
            }
            stopping = false;
            if (options.statistics()) {
                installStatistics();
            }
            thread = new Thread(this::loop, THREAD_NAME);
            thread.setDaemon(true);
            thread.start();
        }
    }

    public boolean isRunning() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    /** One round, on the caller's thread. Never throws: a failing round is logged once and skipped. */
    public void runOnce() {
        runOnce(false);
    }

    /**
     * The last check, at exit: stops the periodic thread, then runs {@code confirmRounds} rounds
     * {@value #FINAL_GAP_MILLIS} ms apart (confirmation by reading /proc again, not by waiting a period), so
     * that a JVM living less than a few periods still reports what the kernel shows, e.g. fds closed under
     * their slots. Time-based rules (SQPOLL grace, stall grace) still wait for their time; socket drift is not
     * sampled (its window is rounds, not milliseconds). The rounds stop early once no rule holds a suspicion
     * that a further round could confirm (a clean exit pays one round). Bounded: the rounds run on a daemon thread that is
     * left behind once {@code budget} is spent, so shutdown never waits longer. Returns whether they finished.
     */
    public boolean finalRounds(Duration budget) {
        stopping = true;
        Thread periodic = thread;
        if (periodic != null) {
            periodic.interrupt();
        }
        Thread t = new Thread(() -> {
            for (int i = 0; i < options.confirmRounds(); i++) {
                if (i > 0) {
                    try {
                        Thread.sleep(FINAL_GAP_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                runOnce(true);
                if (!suspicionsPending()) {
                    // what is first seen in a later round cannot reach confirmRounds before the rounds end
                    return;
                }
            }
        }, THREAD_NAME + "-exit");
        t.setDaemon(true);
        t.start();
        try {
            t.join(Math.max(1, budget.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    private void runOnce(boolean last) {
        synchronized (lock) {
            try {
                round(last);
            } catch (RuntimeException | Error e) {
                reporter.fault("round:" + e.getClass().getName(), "a round failed and was skipped: " + e
                        + at(e) + "; the reconciler goes on");
            }
        }
    }

    /** Whether a rule holds a suspicion that a further round could confirm (the exit's rounds stop when none does). */
    private boolean suspicionsPending() {
        synchronized (lock) {
            return open.suspicionsPending() || closed.suspicionsPending() || foreign.suspicionsPending()
                    || slots.suspicionsPending();
        }
    }

    /** Marks the ring with this inode (fdinfo {@code ino}) as known, e.g. adopted by an attach: never reported. */
    public void adopt(long inode) {
        synchronized (lock) {
            foreign.adopt(inode);
        }
    }

    /**
     * Adopts every io_uring fd and {@code iou-sqp} thread the process has now (an attach to a running JVM
     * cannot know who made them): they are never reported as untracked. Returns the rings adopted.
     */
    public int adoptAllCurrent() {
        synchronized (lock) {
            int n = 0;
            ProcResult<FdTable> fds = proc.fds();
            if (fds instanceof ProcResult.Ok<FdTable> ok) {
                for (int fd : ok.value().ringFds()) {
                    if (proc.fdInode(fd) instanceof ProcResult.Ok<Long> inode) {
                        foreign.adopt(inode.value());
                        n++;
                    }
                }
            } else {
                reporter.fault("adopt:fds", "cannot list /proc/self/fd to adopt the process's rings: "
                        + fds.errorOrNull() + "; rings made before the attach may be reported as untracked");
            }
            ProcResult<int[]> tids = proc.sqpollThreads();
            if (tids instanceof ProcResult.Ok<int[]> ok) {
                foreign.adoptThreads(ok.value());
            }
            return n;
        }
    }

    /** Resources the reconciler forgot because it reached {@code maxEntries}, since start. */
    public long entriesForgotten() {
        return dropped;
    }

    /** The counts of the last round. */
    public KernelStatistics statistics() {
        return statistics;
    }

    /** Stops the thread (waits a bounded time for it) and unregisters the statistics event. */
    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            stopping = true;
            t = thread;
            thread = null;
            removeStatistics();
        }
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
            try {
                t.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        long periodNanos = options.period().toNanos();
        while (!stopping) {
            try {
                TimeUnit.NANOSECONDS.sleep(periodNanos);
            } catch (InterruptedException e) {
                if (stopping) {
                    return;
                }
            }
            if (!stopping) {
                runOnce();
            }
        }
    }

    private void round(boolean last) {
        TrackedView view;
        try {
            view = TrackedView.of(state);
            reporter.clear("tracker");
        } catch (RuntimeException e) {
            reporter.fault("tracker", "cannot read the tracker's state: " + e + at(e) + "; rounds are skipped until"
                    + " it reads again");
            return;
        }
        Round round = new Round(clock.getAsLong(), state, view);
        // fds before any fdinfo: a slot released and its fd closed after the listing then reads empty, never
        // as a closed fd under a still-held slot.
        round.fds = read(proc.fds(), "fds", "untracked rings, fds closed under slots and socket drift");
        round.listingDir = listingDir;
        round.maps = read(proc.ringMappings(), "maps", "closed rings still mapped and SQPOLL threads that outlived"
                + " their ring");
        open.run(round);
        closed.absorb(round, open);
        open.retainOpen(round);
        foreign.scanFds(round, closed, openByFd(view));
        round.sqThreads = read(proc.sqpollThreads(), "threads", "SQPOLL threads");
        closed.check(round, foreign.foreignTids());
        foreign.checkRings(round);
        foreign.checkThreads(round, closed);
        slots.check(round);
        round.sockStat = read(proc.sockStat(), "sockstat", "socket drift");
        int slotHeld = kernelSlots(round, true);
        if (!last && round.fds != null && round.sockStat != null && slotHeld >= 0) {
            Finding.SocketDrift suspected = drift.sample(round.now, round.sockStat.socketsUsed(),
                    round.fds.socketCount(), slotHeld);
            if (suspected != null) {
                judgeDrift(suspected);
            }
        }
        rounds++;
        statistics = new KernelStatistics(view.open.size(), view.sqpollRings,
                round.sqThreads == null ? -1 : round.sqThreads.length, view.occupiedSlots, kernelSlots(round, false),
                view.pendingReleases, round.sockStat == null ? -1 : round.sockStat.socketsUsed(),
                safe(state::droppedEntries) + dropped, safe(state::leaksReported) + leaks, rounds);
    }

    /** Reports a suspected rise of {@code sockets: used} only when it is this process's (DriftAttribution). */
    private void judgeDrift(Finding.SocketDrift suspected) {
        int unheld = attribution.unheldSockets();
        if (unheld >= options.driftThreshold()) {
            drift.reported();
            reporter.leak(suspected.withUnheldSockets(unheld));
            return;
        }
        drift.unattributed();
        if (AgentLog.enabled(System.Logger.Level.DEBUG)) {
            AgentLog.log(System.Logger.Level.DEBUG, "ringwatch: socket drift not reported, the rise is not this"
                    + " process's: sockets: used " + suspected.socketsUsedStart() + " -> " + suspected.socketsUsedEnd()
                    + ", connections accepted on its listening sockets held outside its fds and slots: "
                    + (unheld < 0 ? "not known" : unheld));
        }
    }

    /** Open tracked rings by fd, leaving out those whose fd is no longer theirs. */
    private Map<Integer, TrackedRing> openByFd(TrackedView view) {
        Map<Integer, TrackedRing> byFd = new HashMap<>(view.open.size() * 2);
        for (TrackedRing r : view.open.values()) {
            OpenRingPass.Learned l = open.learned(r.ringId());
            if (l == null || !l.lost) {
                byFd.put(r.ringFd(), r);
            }
        }
        return byFd;
    }

    /**
     * Occupied slots (or only the socket ones) of the open tracked rings per fdinfo; -1 when not all read, or
     * (sockets) while rings dropped at the tracker's cap are open: their slots' sockets are not counted.
     */
    private static int kernelSlots(Round round, boolean socketsOnly) {
        if (!round.allTrackedInfoRead || (socketsOnly && round.tracked.capOpen)) {
            return -1;
        }
        int n = 0;
        for (RingFdInfo info : round.verified.values()) {
            if (!info.files().listed()) {
                return -1;
            }
            if (!socketsOnly) {
                n += info.files().occupied().size();
                continue;
            }
            for (RingFdInfo.FileSlot s : info.files().occupied()) {
                if (s.socketInode() >= 0) {
                    n++;
                }
            }
        }
        return n;
    }

    private <T> T read(ProcResult<T> result, String key, String what) {
        if (result instanceof ProcResult.Ok<T> ok) {
            if (faults.isActive(key)) {
                reporter.clear(key);
            }
            return ok.value();
        }
        ProcError e = result.errorOrNull();
        reporter.fault(key, "cannot read " + e.file() + (e.line() > 0 ? ":" + e.line() : "") + " (" + e.kind() + ": "
                + e.message() + "); " + what + " are not checked until it reads again (no leak is concluded from it)");
        return null;
    }

    private void installStatistics() {
        try {
            jfrHook = RingStatisticsEvent.addPeriodicHook(e -> statistics.fill(e));
        } catch (LinkageError | IllegalStateException | SecurityException e) {
            reporter.fault("jfr", "JFR is not available in this JVM (" + e + "): no RingStatistics events;"
                    + " leaks are still logged");
        }
    }

    private void removeStatistics() {
        Runnable hook = jfrHook;
        jfrHook = null;
        if (hook != null) {
            try {
                RingStatisticsEvent.removePeriodicHook(hook);
            } catch (LinkageError | IllegalStateException | SecurityException ignored) {
                // it could be added, so this is not expected; nothing to undo either way
            }
        }
    }

    /** {@code /proc/self/fd} as readlink of an fd open on it shows it ({@code /proc/<pid>/fd}), or null. */
    private static String realPath(Path dir) {
        try {
            return dir.toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private long safe(LongSupplier count) {
        try {
            return count.getAsLong();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String at(Throwable e) {
        StackTraceElement[] st = e.getStackTrace();
        return st.length == 0 ? "" : " at " + st[0];
    }

    /** Counts, de-duplicates troubles, and keeps a failing sink from stopping the round. */
    private final class SinkReporter implements Reporter {
        @Override
        public void leak(Finding finding) {
            leaks++;
            try {
                sink.report(Alert.of(finding, sink.wording()));
            } catch (RuntimeException e) {
                fault("sink:" + e.getClass().getName(), "the alert sink failed (" + e + at(e) + "); this leak was: "
                        + LeakText.PLAIN.line(finding));
            }
        }

        @Override
        public void fault(String key, String text) {
            String line = faults.once(key, text);
            if (line != null) {
                try {
                    sink.fault(line);
                } catch (RuntimeException e) {
                    System.getLogger(AgentLog.NAME).log(System.Logger.Level.WARNING, line);
                }
            }
        }

        @Override
        public void clear(String key) {
            faults.clear(key);
        }

        @Override
        public void dropped() {
            dropped++;
        }
    }
}
