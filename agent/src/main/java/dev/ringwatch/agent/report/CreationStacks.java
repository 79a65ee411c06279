package dev.ringwatch.agent.report;

import java.util.ArrayList;
import java.util.List;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/**
 * Creation stacks as text: finding the frame that matters to the application, and writing JFR's own
 * stack traces in the same one-frame-per-line shape the agent's {@code creationStack} uses.
 *
 * <p>The agent captures its stacks with the JDK, so their top frames are the capture itself
 * (Thread.getStackTrace, StackWalker), the agent, and ring-core's builder or file table: none of
 * them is where the application made its mistake. The site is the first frame below all of those.
 */
final class CreationStacks {

    /** Frames kept from the site on, for the report's short view of a stack. */
    static final int TOP_FRAMES = 5;

    private static final List<String> INTERNAL_PREFIXES = List.of(
            "dev.ringwatch.ring.",
            "dev.ringwatch.agent.",
            "dev.ringwatch.jfr.",
            "java.lang.Thread.getStackTrace",
            "java.lang.Thread.currentThread",
            "java.lang.StackWalker",
            "java.lang.StackStreamFactory",
            "java.lang.Throwable.",
            "java.lang.Exception.");

    private CreationStacks() {
    }

    /** The non-empty lines of a stack, without indentation or a leading {@code at }. */
    static List<String> frames(String stack) {
        List<String> frames = new ArrayList<>();
        if (stack == null) {
            return frames;
        }
        for (String line : stack.split("\\R")) {
            String frame = line.strip();
            if (frame.startsWith("at ")) {
                frame = frame.substring(3).strip();
            }
            if (!frame.isEmpty()) {
                frames.add(frame);
            }
        }
        return frames;
    }

    /**
     * Up to {@code limit} frames starting at the first one outside ringwatch and stack capture. A stack
     * made only of such frames (ring-core's own tests, say) is shown from its top.
     */
    static List<String> topFrames(String stack, int limit) {
        List<String> frames = frames(stack);
        int first = 0;
        while (first < frames.size() && (isInternal(frames.get(first)) || isHeader(frames.get(first)))) {
            first++;
        }
        if (first == frames.size()) {
            first = 0;
        }
        return List.copyOf(frames.subList(first, Math.min(frames.size(), first + limit)));
    }

    /** The first frame outside ringwatch, or null when the stack is empty. */
    static String site(String stack) {
        List<String> top = topFrames(stack, 1);
        return top.isEmpty() ? null : top.get(0);
    }

    /** A printStackTrace-style first line, e.g. {@code java.lang.Throwable: created here}: frames have parentheses. */
    private static boolean isHeader(String line) {
        return line.indexOf('(') < 0;
    }

    static boolean isInternal(String frame) {
        String name = withoutModule(frame);
        for (String prefix : INTERNAL_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** StackTraceElement.toString may prefix a class loader and module: {@code app//a.B.c(B.java:1)}, {@code java.base/...}. */
    private static String withoutModule(String frame) {
        int paren = frame.indexOf('(');
        int slash = frame.lastIndexOf('/', paren < 0 ? frame.length() - 1 : paren);
        return slash < 0 ? frame : frame.substring(slash + 1);
    }

    /**
     * A JFR stack trace as lines {@code pkg.Class.method(line 42)}; JFR keeps no file names, so none is
     * made up. A truncated trace ends with a line {@code ...}.
     */
    static String format(RecordedStackTrace trace) {
        if (trace == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (RecordedFrame frame : trace.getFrames()) {
            RecordedMethod method = frame.getMethod();
            if (method == null) {
                continue;
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(method.getType().getName()).append('.').append(method.getName());
            int line = frame.getLineNumber();
            text.append(line > 0 ? "(line " + line + ")" : "()");
        }
        if (trace.isTruncated()) {
            text.append("\n...");
        }
        return text.toString();
    }
}
