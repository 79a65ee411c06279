package dev.ringwatch.agent.track;

import java.util.Arrays;
import java.util.List;

/**
 * Where a ring or slot was created (or a ring closed): the application's frames, ring-core and agent
 * frames stripped. Interned by {@link CreationStacks}, so a thousand slots registered at one call site
 * share one instance.
 */
public final class CreationSite {
    private final StackTraceElement[] frames;
    private final int hash;

    CreationSite(StackTraceElement[] frames) {
        this.frames = frames;
        this.hash = Arrays.hashCode(frames);
    }

    public List<StackTraceElement> frames() {
        return List.of(frames);
    }

    /** The frame that called into ring-core, e.g. {@code com.example.Conn.<init>(Conn.java:12)}; "" if none. */
    public String top() {
        return frames.length == 0 ? "" : frames[0].toString();
    }

    /** One frame per line, each prefixed with {@code indent}. */
    public String render(String indent) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement f : frames) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(indent).append(f);
        }
        return sb.toString();
    }

    /** {@code site}'s frames, one per line; "" when not captured (null). */
    public static String framesText(CreationSite site) {
        return site == null ? "" : site.render("");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreationSite c && c.hash == hash && Arrays.equals(c.frames, frames);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return render("");
    }
}
