package dev.ringwatch.junit;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The end-of-window check: what the window opened and left open, after waiting a bounded time for closes still
 * under way (an event loop shutting down, a close handed to another thread). Each resource fails one window
 * only: the first that finds it.
 */
final class LeakCheck {
    static final long DEFAULT_WAIT_MILLIS = 1000;
    private static final long POLL_MILLIS = 20;
    /** Keys of resources already reported, JVM-wide. */
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private LeakCheck() {
    }

    /** What {@code w} left open (or the agent reported as leaked), and how long this waited for closes. */
    record Result(List<OpenResource> left, long waitedMillis) {
        boolean clean() {
            return left.isEmpty();
        }
    }

    static Result run(AgentProbe probe, Window w, RunningWindows running, long waitMillis) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (true) {
            List<OpenResource> left = Attribution.ours(probe.openedSince(w.mark()), w, running, REPORTED);
            long now = System.nanoTime();
            if (left.stream().noneMatch(OpenResource::open) || now - deadline >= 0) {
                for (OpenResource r : left) {
                    REPORTED.add(r.key());
                }
                return new Result(left, TimeUnit.NANOSECONDS.toMillis(now - start));
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
