package dev.ringwatch.jmc;

/** Small predicates over ringwatch events that several rules use. */
final class RingwatchCounts {
    private RingwatchCounts() {
    }

    /** A RingCreated/RingClosed/RingLeak event of a ring set up with IORING_SETUP_SQPOLL. */
    static boolean isSqpoll(RecordedEvent e) {
        for (String flag : e.text("setupFlags").split("\\|")) {
            if (flag.equals("SQPOLL")) {
                return true;
            }
        }
        return false;
    }
}
