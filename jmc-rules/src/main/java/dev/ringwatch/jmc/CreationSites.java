package dev.ringwatch.jmc;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application frame that created a leaked resource, taken from the events' {@code creationStack} text
 * (one {@link StackTraceElement#toString()} per line, innermost first): the first frame that is not the JDK's,
 * ring-core's, the agent's or Netty's own, so that the site names the user's code.
 */
final class CreationSites {
    private static final List<String> LIBRARY_PREFIXES = List.of(
            "java.", "javax.", "jdk.", "sun.", "dev.ringwatch.ring.", "dev.ringwatch.agent.", "io.netty.");

    /** The most frequent creation site and how many of the stacks name it. */
    record Site(String frame, int count) {
    }

    private CreationSites() {
    }

    static Optional<Site> top(List<String> creationStacks) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String stack : creationStacks) {
            String site = applicationFrame(stack);
            if (site != null) {
                counts.merge(site, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .max(Comparator.comparingInt(Map.Entry::getValue))
                .map(e -> new Site(e.getKey(), e.getValue()));
    }

    /** The first frame of {@code stack} outside the libraries, without its class-loader prefix; null if none. */
    static String applicationFrame(String stack) {
        String fallback = null;
        for (String line : stack.split("\n")) {
            String frame = withoutLoaderPrefix(line.strip().replaceFirst("^at ", ""));
            if (frame.isEmpty()) {
                continue;
            }
            if (LIBRARY_PREFIXES.stream().noneMatch(frame::startsWith)) {
                return frame;
            }
            if (fallback == null && !frame.startsWith("java.") && !frame.startsWith("jdk.")) {
                fallback = frame;
            }
        }
        return fallback;
    }

    /** {@code app//a.B.m(B.java:1)} and {@code mod@1/a.B.m(B.java:1)} become {@code a.B.m(B.java:1)}. */
    private static String withoutLoaderPrefix(String frame) {
        int paren = frame.indexOf('(');
        int slash = frame.lastIndexOf('/', paren < 0 ? frame.length() : paren);
        return slash < 0 ? frame : frame.substring(slash + 1);
    }
}
