package dev.ringwatch.ring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** Submits and collects completions with a bounded wait, so a lost wake-up fails a test instead of hanging it. */
final class Completions {
    record Cqe(long userData, int res, int flags) {
    }

    private Completions() {
    }

    static List<Cqe> await(IoUring ring, int n) {
        List<Cqe> got = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        ring.submit();
        while (got.size() < n) {
            if (System.nanoTime() > deadline) {
                fail("only " + got.size() + " of " + n + " completions arrived within 10 s: " + got);
            }
            ring.forEachCompletion((ud, res, flags) -> got.add(new Cqe(ud, res, flags)));
            if (got.size() < n) {
                ring.submitAndWait(n - got.size(), Duration.ofMillis(200));
            }
        }
        return got;
    }

    static Cqe awaitOne(IoUring ring) {
        return await(ring, 1).getFirst();
    }

    static Cqe byUserData(List<Cqe> cqes, long userData) {
        return cqes.stream().filter(c -> c.userData() == userData).findFirst()
                .orElseThrow(() -> new AssertionError("no completion with user data " + userData + " in " + cqes));
    }
}
