package dev.ringwatch.junit;

import java.util.List;
import java.util.Map;

/**
 * One ring or occupied fixed-file slot the agent's probe listed (see {@code TestProbe} for the keys).
 *
 * @param key          the same for the same resource in every listing
 * @param slot         -1 for a ring
 * @param fd           the fd registered in the slot, -1 for a ring or a slot the kernel filled
 * @param file         what the slot holds as the kernel shows it (e.g. {@code socket:[18868]}), or null
 * @param sqThread     the ring's {@code iou-sqp} thread id, -1 when none
 * @param open         false for a ring closed again that the agent reported as leaked (e.g. still mapped)
 * @param leakReported the agent reported it as leaked (a {@code ringwatch LEAK} line)
 * @param thread       the thread that opened it
 * @param site         where it was opened, application frames first; empty when the agent did not record it
 * @param ringSite     where its ring was opened (the same as {@code site} for a ring)
 */
record OpenResource(String key, String kind, String library, int ringFd, boolean sqpoll, String flags, int sqThread,
                    int slot, int fd, String file, boolean open, boolean leakReported, String thread,
                    long createdNanos, List<StackTraceElement> site, List<StackTraceElement> ringSite) {

    static OpenResource of(Map<?, ?> m) {
        return new OpenResource((String) m.get("key"), (String) m.get("kind"), (String) m.get("library"),
                (Integer) m.get("ringFd"), (Boolean) m.get("sqpoll"), (String) m.get("flags"),
                (Integer) m.get("sqThread"), (Integer) m.get("slot"), (Integer) m.get("fd"), (String) m.get("file"),
                (Boolean) m.get("open"), (Boolean) m.get("leakReported"), (String) m.get("thread"),
                (Long) m.get("createdNanos"), frames(m.get("site")), frames(m.get("ringSite")));
    }

    boolean isRing() {
        return "ring".equals(kind);
    }

    private static List<StackTraceElement> frames(Object o) {
        return o == null ? List.of() : ((List<?>) o).stream().map(StackTraceElement.class::cast).toList();
    }
}
