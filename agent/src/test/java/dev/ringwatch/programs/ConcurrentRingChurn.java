package dev.ringwatch.programs;

import dev.ringwatch.ring.IoUring;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Clean, and busy: several threads create rings (every 8th SQPOLL), run a NOP on each and close it, for a
 * while, so fd numbers and addresses of closed rings are reused at once by other threads' new rings, while
 * the reconciler reads /proc every few milliseconds. Every ring is closed: no rule may report anything.
 */
public final class ConcurrentRingChurn {
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        long millis = Long.parseLong(args[1]);
        long deadline = System.nanoTime() + Duration.ofMillis(millis).toNanos();
        AtomicLong made = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] workers = new Thread[threads];
        for (int w = 0; w < threads; w++) {
            workers[w] = Thread.ofPlatform().name("churn-" + w).start(() -> {
                try {
                    for (long i = 0; System.nanoTime() < deadline; i++) {
                        var b = IoUring.builder().entries(4);
                        if (i % 8 == 0) {
                            b.sqpoll(Duration.ofMillis(1));
                        }
                        try (IoUring ring = b.build()) {
                            ring.nextSqe().nop().userData(i);
                            ring.submitAndWait(1);
                            ring.forEachCompletion((ud, res, flags) -> { });
                        }
                        made.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            });
        }
        for (Thread t : workers) {
            t.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a churn thread failed", failure.get());
        }
        Child.settle(0);
        Thread.sleep(500); // several more reconciler rounds over the closed rings
        Child.print("RINGS", made.get());
        Child.print("LIVE_RINGS", Child.tracker("LiveRings"));
    }
}
