package dev.ringwatch.agent.kernel;

/** The reconciler's rules, named as log lines ({@code ringwatch LEAK <rule>: ...}) and the design name them. */
public enum Rule {
    CLOSED_RING_STILL_MAPPED("closed ring still mapped"),
    SQPOLL_THREAD_OUTLIVED_RING("SQPOLL thread outlived ring"),
    UNTRACKED_RING("untracked ring"),
    FD_CLOSED_UNDER_SLOT("fd closed under slot"),
    SLOT_RELEASE_STALLED("slot release stalled"),
    SOCKET_DRIFT("socket drift");

    private final String title;

    Rule(String title) {
        this.title = title;
    }

    /** The rule's name in log lines, e.g. {@code closed ring still mapped}. */
    public String title() {
        return title;
    }
}
