package dev.ringwatch.sample;

import dev.ringwatch.sample.proc.ProcStats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SqpollChurnTest {
    private static final Pattern PROGRESS = Pattern.compile("iou-sqp threads: (\\d+)$", Pattern.MULTILINE);

    /** Leaked rings live until their JVM exits, so this runs in a child JVM of its own. */
    @Test
    void everyLeakedRingKeepsItsIouSqpThread_childJvm() throws Exception {
        Runs.Run r = Runs.child(Duration.ofSeconds(60), "sqpoll-churn", "--rings", "6", "--leak-every", "2");
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(3, r.number("leaked"), r::describe);
        assertEquals(3, r.number("closed"), r::describe);
        assertEquals(3, r.number("iou_sqp_end") - r.number("iou_sqp_start"), r::describe);
        assertEquals(3, r.number("io_uring_fds_delta"), r::describe);
        // the count printed as it goes grows with each leaked ring: 0 0 1 1 2 2 above the start
        List<Long> seen = new ArrayList<>();
        Matcher m = PROGRESS.matcher(r.out());
        while (m.find()) {
            seen.add(Long.parseLong(m.group(1)) - r.number("iou_sqp_start"));
        }
        assertEquals(List.of(0L, 1L, 1L, 2L, 2L, 3L), seen, r::describe);
        assertTrue(r.out().contains("ring 2/6") && r.out().contains("dropped WITHOUT close (leak)"), r::describe);
    }

    @Test
    void withoutLeaksTheThreadsGoBackToBaseline() throws Exception {
        ProcStats proc = new ProcStats();
        int baseline = proc.iouSqpThreads();
        Runs.Run r = Runs.inProcess("sqpoll-churn", "--rings", "5", "--idle-ms", "10");
        assertEquals(0, r.exitCode(), r::describe);
        assertEquals(0, r.number("leaked"), r::describe);
        assertEquals(5, r.number("closed"), r::describe);
        assertEquals(r.number("iou_sqp_start"), r.number("iou_sqp_end"), r::describe);
        assertEquals(0, r.number("io_uring_fds_delta"), r::describe);
        // and this JVM, which ran it, has no extra SQPOLL thread once closed rings' threads have exited
        assertEquals(baseline, proc.iouSqpThreadsOnceSettled(n -> n <= baseline, Duration.ofSeconds(2)));
    }
}
