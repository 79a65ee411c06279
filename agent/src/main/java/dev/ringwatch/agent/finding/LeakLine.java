package dev.ringwatch.agent.finding;

/**
 * The one layout of every {@code ringwatch LEAK <rule>:} line, whichever rule speaks: a first line that says
 * what leaked, how old it is, who owned it and where it was made, the creation frames one per line indented
 * by a tab, then one {@code ->} line each for why it matters and what to do.
 *
 * <pre>
 * ringwatch LEAK ring outlived owner: SQPOLL ring fd=12 ... created by thread "main" at
 * 	com.example.Server.start(Server.java:42)
 * 	-&gt; the IoUring object was garbage collected without close() ...
 * </pre>
 */
public final class LeakLine {
    /** Every leak line starts so. */
    public static final String LEAK_PREFIX = "ringwatch LEAK ";
    private static final String UNKNOWN = "(unknown)";

    private final StringBuilder b = new StringBuilder(256);

    public LeakLine(Rule rule) {
        b.append(LEAK_PREFIX).append(rule.title()).append(": ");
    }

    /** More of the first line. */
    public LeakLine text(String text) {
        b.append(text);
        return this;
    }

    public LeakLine text(long n) {
        b.append(n);
        return this;
    }

    /** {@code text}, or {@code (unknown)} when empty. */
    public LeakLine orUnknown(String text) {
        b.append(text == null || text.isEmpty() ? UNKNOWN : text);
        return this;
    }

    /** Frames, one per line of {@code frames}, each on its own tab-indented line; {@code (missing)} when none. */
    public LeakLine frames(String frames, String missing) {
        if (frames == null || frames.isEmpty()) {
            b.append("\n\t(").append(missing).append(')');
            return this;
        }
        int from = 0;
        while (from <= frames.length()) {
            int nl = frames.indexOf('\n', from);
            int to = nl < 0 ? frames.length() : nl;
            String frame = frames.substring(from, to).strip();
            if (!frame.isEmpty()) {
                b.append("\n\t").append(frame);
            }
            if (nl < 0) {
                break;
            }
            from = nl + 1;
        }
        return this;
    }

    /** A {@code ->} line: why it matters, what else it holds, what to do. */
    public LeakLine note(String text) {
        b.append("\n\t-> ").append(text);
        return this;
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
