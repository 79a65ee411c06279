package dev.ringwatch.junit;

import java.util.List;

/** The text a leaking test (or class) fails with: one entry per resource, its creation stack and the fix. */
final class FailureMessage {
    static final int MAX_FRAMES = 12;
    private static final String FRAME_INDENT = "        ";
    private static final String FIX_INDENT = "      ";
    /** Where a creation stack leaves the application for the test framework (reflection, JUnit, the runner). */
    private static final List<String> FRAMEWORK_PACKAGES = List.of("org.junit.", "jdk.internal.", "java.lang.reflect.",
            "org.apache.maven.surefire.", "org.gradle.");

    private FailureMessage() {
    }

    static String of(Window w, LeakCheck.Result result) {
        List<OpenResource> left = result.left();
        StringBuilder sb = new StringBuilder("ringwatch: ").append(w.label());
        if (w.classLevel()) {
            sb.append(" (static initialisers, @BeforeAll/@AfterAll, a per-class test instance)");
        }
        sb.append(" left ").append(left.size()).append(" io_uring ")
                .append(left.size() == 1 ? "resource" : "resources").append(" open")
                .append(" (checked after waiting ").append(result.waitedMillis()).append(" ms for closes under way):");
        int n = 1;
        for (OpenResource r : left) {
            sb.append("\n  ").append(n++).append(". ").append(describe(r)).append(", opened on thread \"")
                    .append(r.thread()).append("\" at");
            appendSite(sb, r);
            sb.append('\n').append(FIX_INDENT).append("fix: ").append(fix(r, w.classLevel()));
        }
        return sb.toString();
    }

    /** Kind, SQPOLL or not, fd, slot, file. */
    static String describe(OpenResource r) {
        String ring = (r.sqpoll() ? "SQPOLL ring" : "ring") + " fd=" + r.ringFd();
        String mode = r.sqpoll()
                ? "SQPOLL" + (r.sqThread() > 0 ? ", iou-sqp thread " + r.sqThread() : "")
                : "not SQPOLL";
        StringBuilder sb = new StringBuilder();
        if (r.isRing()) {
            sb.append(ring).append(" (").append(mode).append(", flags ").append(r.flags()).append(", ")
                    .append(r.library()).append(')');
            if (!r.open()) {
                sb.append(", closed but reported by the agent as leaked");
            }
        } else {
            sb.append("fixed-file slot ").append(r.slot()).append(" of ring fd=").append(r.ringFd()).append(" (")
                    .append(mode).append(") holding ")
                    .append(r.fd() >= 0 ? "fd=" + r.fd() : "a file the kernel installed")
                    .append(r.file() == null ? "" : " " + r.file());
        }
        if (r.leakReported() && r.open()) {
            sb.append(", already reported by the agent as leaked");
        }
        return sb.toString();
    }

    private static void appendSite(StringBuilder sb, OpenResource r) {
        List<StackTraceElement> frames = r.site();
        if (frames.isEmpty() && !r.isRing()) {
            sb.append(" (stack not recorded: the agent samples slot registrations; run it with slotStacks=all to"
                    + " record each one); its ring was opened at");
            frames = r.ringSite();
        }
        if (frames.isEmpty()) {
            sb.append(" (stack not recorded)");
        }
        int shown = 0;
        for (StackTraceElement f : frames) {
            if (shown > 0 && isFramework(f.getClassName())) {
                break; // the test method is above: the rest is JUnit's own machinery
            }
            if (shown++ == MAX_FRAMES) {
                sb.append('\n').append(FRAME_INDENT).append("...");
                break;
            }
            sb.append('\n').append(FRAME_INDENT).append(f);
        }
    }

    private static boolean isFramework(String className) {
        for (String prefix : FRAMEWORK_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static String fix(OpenResource r, boolean classLevel) {
        String when = classLevel ? "by the end of @AfterAll" : "before the test ends";
        String where = classLevel ? "@AfterAll" : "@AfterEach";
        if (!r.open()) {
            return "the ring was closed, yet the agent found it alive (e.g. still mapped by other code, which keeps"
                    + " the ring and its SQPOLL thread alive): its 'ringwatch LEAK' line in the log names the rule"
                    + " and what to release.";
        }
        if (r.isRing()) {
            return "close it " + when + ": try (IoUring ring = IoUring.builder()...build()) { ... }, or ring.close()"
                    + " in " + where + "."
                    + (r.sqpoll() ? " An SQPOLL ring left open keeps its kernel thread until the JVM exits." : "");
        }
        return "release it " + when + ": slot.close() (FixedFile is AutoCloseable: try-with-resources), or close its"
                + " ring; a slot left occupied keeps its file (e.g. a socket) open in the kernel even after its fd is"
                + " closed.";
    }
}
