package dev.ringwatch.agent.config;

/** Start-up problems are logged as one line each: a multi-line message would split a log record. */
final class OneLine {
    private OneLine() {
    }

    /** The first line of {@code s}, "" for null. */
    static String of(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
