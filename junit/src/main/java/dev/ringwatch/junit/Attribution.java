package dev.ringwatch.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which of the resources opened during a window are that window's. Opened on the window's own thread: its.
 * Opened on the thread of another window running at the same time: that one's. Opened on a thread of no window
 * (an executor, an event loop): its, unless windows overlapped (parallel execution), when nobody can say whose,
 * and it falls to the enclosing class's check. A resource already reported by one window is not reported again.
 */
final class Attribution {
    private Attribution() {
    }

    static List<OpenResource> ours(List<OpenResource> opened, Window w, RunningWindows running, Set<String> reported) {
        List<OpenResource> out = new ArrayList<>();
        for (OpenResource r : opened) {
            if (reported.contains(r.key())) {
                continue;
            }
            if (r.thread().equals(w.thread())) {
                out.add(r);
            } else if (!running.isThreadOfAnother(r.thread(), w) && !w.wasOverlapped()) {
                out.add(r);
            }
        }
        return out;
    }
}
