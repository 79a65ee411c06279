package dev.ringwatch.agent.kernel;

import dev.ringwatch.agent.finding.Finding;
import dev.ringwatch.agent.proc.Await;
import dev.ringwatch.agent.proc.ProcResult;
import dev.ringwatch.agent.proc.ProcView;
import dev.ringwatch.agent.proc.RingFdInfo;
import dev.ringwatch.ring.IoUring;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A reconciler over the real /proc, a test tracker and a recording sink, with a clock tests can move on. */
final class KernelFixture {
    static final ProcView PROC = ProcView.system();

    final TestTracker tracker = new TestTracker();
    final RecordingSink sink = new RecordingSink();
    final AtomicLong skew = new AtomicLong();
    final Reconciler reconciler;

    KernelFixture() {
        this(ReconcilerOptions.defaults().withStatistics(false));
    }

    /**
     * Rings and SQPOLL threads that exist already (left by other tests in this JVM) are adopted, so each test
     * sees only what it makes.
     */
    KernelFixture(ReconcilerOptions options) {
        reconciler = new Reconciler(tracker, PROC, sink, options, () -> System.nanoTime() + skew.get());
        reconciler.adoptAllCurrent();
    }

    void rounds(int n) {
        for (int i = 0; i < n; i++) {
            reconciler.runOnce();
        }
    }

    /** After {@code n} more rounds, the one finding of {@code type} (see {@link RecordingSink#only}). */
    <F extends Finding> F oneFindingAfter(int n, Class<F> type) {
        rounds(n);
        return sink.only(type);
    }

    /** After {@code n} more rounds, still no alert; the failure says {@code why} and what the sink holds. */
    void noAlertsAfter(int n, String why) {
        rounds(n);
        assertEquals(List.of(), sink.alerts(), why + sink);
    }

    void noAlertsAfter(int n) {
        noAlertsAfter(n, "");
    }

    /** After {@code n} more rounds, still the one alert there was: a finding is reported once. */
    void stillOneAlertAfter(int n) {
        rounds(n);
        assertEquals(1, sink.alerts().size(), sink.toString());
    }

    /** Lets the reconciler's clock run {@code d} ahead (past grace periods) without waiting. */
    void advance(Duration d) {
        skew.addAndGet(d.toNanos());
    }

    /** The ring's SQPOLL thread once it runs (until then fdinfo names the creating thread). */
    static int sqpollTid(int ringFd) {
        int[] tid = {-1};
        boolean ok = Await.until(Duration.ofSeconds(5), () -> {
            RingFdInfo info = PROC.ringFdInfo(ringFd).orElse(null);
            if (info != null && info.sqThread() > 0 && isSqpollThread(info.sqThread())) {
                tid[0] = info.sqThread();
                return true;
            }
            return false;
        });
        if (!ok) {
            fail("SQPOLL thread of ring fd " + ringFd + " did not show within 5 s");
        }
        return tid[0];
    }

    static int sqpollTid(IoUring ring) {
        return sqpollTid(ring.fd());
    }

    static boolean isSqpollThread(int tid) {
        return PROC.sqpollThreadAlive(tid) instanceof ProcResult.Ok<Boolean> ok && ok.value();
    }

    static void awaitThreadGone(int tid) {
        assertTrue(Await.until(Duration.ofSeconds(5), () -> !isSqpollThread(tid)),
                "SQPOLL thread " + tid + " still alive 5 s later");
    }

    static long inode(int fd) {
        return PROC.fdInode(fd).orElseThrow();
    }
}
