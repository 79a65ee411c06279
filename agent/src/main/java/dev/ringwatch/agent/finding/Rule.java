package dev.ringwatch.agent.finding;

/**
 * Every leak rule the agent has, whatever detects it (the GC, the kernel reconciler, ...), under the name
 * log lines ({@code ringwatch LEAK <title>: ...}), JSON lines and the design use. Adding a rule: a constant
 * here, its {@link Finding} record (with its JFR event in {@link FindingEvents} and its line in
 * {@link LeakText}), and the detector.
 */
public enum Rule {
    RING_OUTLIVED_OWNER("ring outlived owner"),
    SLOT_OUTLIVED_OWNER("slot outlived owner"),
    CLOSED_RING_STILL_MAPPED("closed ring still mapped"),
    SQPOLL_THREAD_OUTLIVED_RING("SQPOLL thread outlived ring"),
    UNTRACKED_RING("untracked ring"),
    FD_CLOSED_UNDER_SLOT("fd closed under slot"),
    SLOT_RELEASE_STALLED("slot release stalled"),
    SOCKET_DRIFT("socket drift"),
    RING_PILE_UP("ring pile-up"),
    RING_OUTLIVED_THREAD("ring outlived its thread");

    private static final Rule[] ALL = values();
    private final String title;

    Rule(String title) {
        this.title = title;
    }

    /** The rule's name in log lines, e.g. {@code closed ring still mapped}. */
    public String title() {
        return title;
    }

    /** The rule named {@code title} (as in a log or JSON line), or null for none. */
    public static Rule byTitle(String title) {
        for (Rule r : ALL) {
            if (r.title.equals(title)) {
                return r;
            }
        }
        return null;
    }
}
