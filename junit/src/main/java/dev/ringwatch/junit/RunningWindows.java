package dev.ringwatch.junit;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The windows of one level (tests or test classes) open at the moment, JVM-wide: with parallel execution a
 * resource opened on another test's thread belongs to that test, and one opened on a thread of no test cannot
 * be placed when windows overlapped.
 */
final class RunningWindows {
    static final RunningWindows TESTS = new RunningWindows();
    static final RunningWindows CLASSES = new RunningWindows();

    private final Set<Window> open = ConcurrentHashMap.newKeySet();

    private RunningWindows() {
    }

    Window open(Window w) {
        synchronized (open) {
            if (!open.isEmpty()) {
                w.overlapped();
                for (Window other : open) {
                    other.overlapped();
                }
            }
            open.add(w);
        }
        return w;
    }

    void close(Window w) {
        synchronized (open) {
            open.remove(w);
        }
    }

    /** Whether {@code thread} runs another open window of this level than {@code self}. */
    boolean isThreadOfAnother(String thread, Window self) {
        List<Window> now;
        synchronized (open) {
            now = List.copyOf(open);
        }
        for (Window w : now) {
            if (w != self && w.thread().equals(thread)) {
                return true;
            }
        }
        return false;
    }
}
