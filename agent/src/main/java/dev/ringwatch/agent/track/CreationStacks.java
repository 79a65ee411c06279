package dev.ringwatch.agent.track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Captures the application's part of the current stack and interns it. The intern table is bounded:
 * once it holds {@code maxDistinct} sites, new sites are cut to their top {@value #OVERFLOW_FRAMES} frames
 * and not shared (the record keeps that small copy, which goes when the record goes).
 */
public final class CreationStacks {
    /** Frames kept of a site that can no longer be interned. */
    static final int OVERFLOW_FRAMES = 4;
    private static final StackWalker WALKER = StackWalker.getInstance();

    private final int maxDistinct;
    private final ConcurrentHashMap<CreationSite, CreationSite> interned = new ConcurrentHashMap<>();
    private final AtomicLong captured = new AtomicLong();
    private final ApplicationFrames collector;

    public CreationStacks(int depth, int maxDistinct) {
        this.maxDistinct = maxDistinct;
        this.collector = new ApplicationFrames(depth);
    }

    /** The caller's stack below ring-core and the agent, at most {@code depth} frames. */
    public CreationSite capture() {
        StackTraceElement[] frames = WALKER.walk(collector);
        captured.incrementAndGet();
        CreationSite site = new CreationSite(frames);
        CreationSite known = interned.get(site);
        if (known != null) {
            return known;
        }
        if (interned.size() < maxDistinct) {
            known = interned.putIfAbsent(site, site);
            return known != null ? known : site;
        }
        // The table is full: keep only the top frames, so that per-record copies stay small.
        return frames.length <= OVERFLOW_FRAMES ? site : new CreationSite(Arrays.copyOf(frames, OVERFLOW_FRAMES));
    }

    /** A class, not a lambda: the first lambda of a JVM costs start-up time, and rings come early. */
    private static final class ApplicationFrames implements Function<Stream<StackWalker.StackFrame>, StackTraceElement[]> {
        private final int depth;

        ApplicationFrames(int depth) {
            this.depth = depth;
        }

        @Override
        public StackTraceElement[] apply(Stream<StackWalker.StackFrame> frames) {
            List<StackTraceElement> out = new ArrayList<>(Math.min(depth, 16));
            Iterator<StackWalker.StackFrame> it = frames.iterator();
            boolean inApplication = false;
            while (it.hasNext() && out.size() < depth) {
                StackWalker.StackFrame f = it.next();
                if (!inApplication && isInternal(f.getClassName())) {
                    continue;
                }
                inApplication = true;
                out.add(f.toStackTraceElement());
            }
            return out.toArray(new StackTraceElement[0]);
        }
    }

    /**
     * ring-core, Netty (also shaded: {@code <prefix>.io.netty.}) and the agent: the frames between the
     * application and this walk.
     */
    static boolean isInternal(String className) {
        return className.startsWith("dev.ringwatch.ring.") || className.startsWith("dev.ringwatch.agent.")
                || className.startsWith("io.netty.") || className.contains(".io.netty.");
    }

    public int distinctSites() {
        return interned.size();
    }

    public long captured() {
        return captured.get();
    }
}
