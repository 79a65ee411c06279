package dev.ringwatch.agent.probe;

import dev.ringwatch.agent.proc.RingFdInfo;
import dev.ringwatch.agent.track.CreationSite;
import dev.ringwatch.agent.track.Hooks;
import dev.ringwatch.agent.track.Tracker;
import dev.ringwatch.agent.track.TrackerSnapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a test opened and left open, for test frameworks. Called reflectively (JDK types only, so the caller
 * needs no compile-time link to the agent): {@link #mark()} when a test starts, {@link #openedSince(Object)} when
 * it ends. Read-only: nothing is reported, counted or changed.
 *
 * <p>Each resource is one map with these keys (the contract; new keys may be added):
 * <ul>
 *   <li>{@code key}: the same string for the same resource in every call; {@code kind}: {@code "ring"} or
 *       {@code "slot"}; {@code library}: e.g. {@code ring-core}</li>
 *   <li>{@code ringFd}, {@code sqpoll} (Boolean), {@code flags} (setup flags as text), {@code sqThread}
 *       (the ring's {@code iou-sqp} thread id from fdinfo, -1 if none)</li>
 *   <li>{@code slot}, {@code fd} (the registered fd, -1 when the kernel filled the slot), {@code file}
 *       (what the slot holds as the kernel shows it, e.g. {@code socket:[18868]}, or null): -1/null for rings</li>
 *   <li>{@code open} (Boolean; false only for a ring closed again but reported as leaked, e.g. still mapped),
 *       {@code leakReported} (Boolean: the agent already reported it as a leak)</li>
 *   <li>{@code thread}: the name of the thread that opened it; {@code createdNanos} ({@link System#nanoTime()};
 *       good to ~100 ms for slots)</li>
 *   <li>{@code site}: {@code List<StackTraceElement>} where it was opened, application frames first (empty
 *       for a slot whose stack was not sampled: agent option {@code slotStacks=all} records every one);
 *       {@code ringSite}: the same for the slot's ring</li>
 * </ul>
 */
public final class TestProbe {
    private TestProbe() {
    }

    /** Whether the agent runs and tracks rings in this JVM. */
    public static boolean tracking() {
        return Hooks.tracker() != null;
    }

    /** An opaque mark of what is open now; throws {@link IllegalStateException} when the agent does not track. */
    public static Object mark() {
        TrackerSnapshot snap = tracker().snapshot();
        Set<String> keys = new HashSet<>();
        for (TrackerSnapshot.RingView r : snap.open()) {
            keys.add(ResourceKeys.ring(r));
            for (TrackerSnapshot.SlotView s : r.slots()) {
                if (s.occupied()) {
                    keys.add(ResourceKeys.slot(r, s));
                }
            }
        }
        // taken after the snapshot: a ring opened in between is not in the keys, so it still counts as new
        return new Mark(System.nanoTime(), Set.copyOf(keys));
    }

    /**
     * Rings and occupied slots opened since {@code mark} and still open, and rings opened since then that the
     * agent reported as leaked although they were closed (e.g. closed but still mapped). Ordered by ring, rings
     * before their slots.
     */
    public static List<Map<String, Object>> openedSince(Object mark) {
        if (!(mark instanceof Mark m)) {
            throw new IllegalArgumentException("not a mark made by TestProbe.mark(): " + mark);
        }
        Tracker t = tracker();
        TrackerSnapshot snap = t.snapshot();
        List<Map<String, Object>> out = new ArrayList<>();
        for (TrackerSnapshot.RingView r : snap.open()) {
            RingFdInfo info = null;
            if (!m.openKeys().contains(ResourceKeys.ring(r))) {
                info = t.proc().ringFdInfo(r.ringFd()).orElse(null);
                out.add(ring(r, info, true));
            }
            for (TrackerSnapshot.SlotView s : r.slots()) {
                if (s.occupied() && !m.openKeys().contains(ResourceKeys.slot(r, s))) {
                    if (info == null) {
                        info = t.proc().ringFdInfo(r.ringFd()).orElse(null);
                    }
                    out.add(slot(r, s, info));
                }
            }
        }
        for (TrackerSnapshot.RingView r : snap.recentlyClosed()) {
            if (r.leakReported() && r.createdNanos() >= m.nanos()) {
                out.add(ring(r, null, false));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static Tracker tracker() {
        Tracker t = Hooks.tracker();
        if (t == null) {
            throw new IllegalStateException("the ringwatch agent does not track rings in this JVM");
        }
        return t;
    }

    private static Map<String, Object> ring(TrackerSnapshot.RingView r, RingFdInfo info, boolean open) {
        Map<String, Object> m = common("ring", r, ResourceKeys.ring(r), info);
        m.putAll(Map.of("slot", -1, "fd", -1, "open", open, "leakReported", r.leakReported(),
                "thread", r.creatingThread(), "createdNanos", r.createdNanos(), "site", frames(r.site())));
        m.put("file", null);
        return Collections.unmodifiableMap(m);
    }

    private static Map<String, Object> slot(TrackerSnapshot.RingView r, TrackerSnapshot.SlotView s, RingFdInfo info) {
        Map<String, Object> m = common("slot", r, ResourceKeys.slot(r, s), info);
        RingFdInfo.FileSlot f = info == null ? null : info.files().slot(s.slot());
        m.putAll(Map.of("slot", s.slot(), "fd", s.fd(), "open", true, "leakReported", s.leakReported(),
                "thread", s.thread(), "createdNanos", s.createdNanos(), "site", frames(s.site())));
        m.put("file", f == null ? null : f.target());
        return Collections.unmodifiableMap(m);
    }

    /** What a ring and its slots share: the ring's facts, its creation site, its iou-sqp thread. */
    private static Map<String, Object> common(String kind, TrackerSnapshot.RingView r, String key, RingFdInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("kind", kind);
        m.put("library", r.facts().library());
        m.put("ringFd", r.ringFd());
        m.put("sqpoll", r.sqpoll());
        m.put("flags", r.facts().setupFlags());
        m.put("sqThread", info != null && info.hasSqThread() ? info.sqThread() : -1);
        m.put("ringSite", frames(r.site()));
        return m;
    }

    private static List<StackTraceElement> frames(CreationSite site) {
        return site == null ? List.of() : site.frames();
    }
}
