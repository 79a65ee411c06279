package dev.ringwatch.junit;

/**
 * The span of one test (or one test class, from before its {@code @BeforeAll} to after its {@code @AfterAll}):
 * what was open at its start, the thread it ran on, and whether another window of its level ran at the same
 * time (parallel execution), in which case resources opened on threads of neither are not attributed to it.
 * Identity matters (windows are kept in a set), so this is a class, not a record.
 */
final class Window {
    private final Object mark;
    private final String thread;
    private final String label;
    private final boolean classLevel;
    private volatile boolean overlapped;

    /**
     * @param mark  the agent probe's mark of what was open at the start
     * @param label how the failure names it, e.g. {@code LeakyTests.leaksRing()}
     */
    Window(Object mark, String label, boolean classLevel) {
        this(mark, Thread.currentThread().getName(), label, classLevel);
    }

    Window(Object mark, String thread, String label, boolean classLevel) {
        this.mark = mark;
        this.thread = thread;
        this.label = label;
        this.classLevel = classLevel;
    }

    Object mark() {
        return mark;
    }

    String thread() {
        return thread;
    }

    String label() {
        return label;
    }

    boolean classLevel() {
        return classLevel;
    }

    void overlapped() {
        overlapped = true;
    }

    boolean wasOverlapped() {
        return overlapped;
    }
}
