package dev.ringwatch.agent.alert;

import dev.ringwatch.agent.finding.Rule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log's flood limit, on a clock the test moves (no waiting). */
class LeakLogThrottleTest {
    private static final long SECOND = 1_000_000_000L;
    private final List<String> lines = new ArrayList<>();
    private long now = 1_000 * SECOND;
    private final LeakLogThrottle throttle = new LeakLogThrottle(2, Duration.ofSeconds(5), lines::add, () -> now);

    @Test
    void firstBurstInFullThenOneSummaryPerSiteAndPeriod() {
        List<Boolean> full = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            full.add(throttle.admit(Rule.SLOT_OUTLIVED_OWNER, "com.example.Echo.accept(Echo.java:42)", (i + 1) * SECOND));
        }
        assertEquals(List.of(true, true, false, false, false), full);
        assertTrue(throttle.admit(Rule.SLOT_OUTLIVED_OWNER, "com.example.Other.open(Other.java:7)", SECOND),
                "another site has its own burst");
        throttle.flush(false);
        assertEquals(List.of(), lines, "the period is not over");
        now += 5 * SECOND;
        throttle.flush(false);
        assertEquals(List.of("ringwatch LEAK slot outlived owner: from com.example.Echo.accept(Echo.java:42): 2 logged"
                + " in full, and 3 more slot leaks from this site in the last 5.0s, the newest age=5.0s (each has its"
                + " JFR event and JSON line; options logBurst=2 and logPeriod=5.0s set this limit)"), lines);
        assertEquals(0, throttle.sites(), "ended periods are forgotten");
        assertTrue(throttle.admit(Rule.SLOT_OUTLIVED_OWNER, "com.example.Echo.accept(Echo.java:42)", SECOND),
                "a new period starts in full");
    }

    @Test
    void aLeakAfterThePeriodSaysThePreviousCountFirst() {
        for (int i = 0; i < 3; i++) {
            throttle.admit(Rule.FD_CLOSED_UNDER_SLOT, "", SECOND);
        }
        now += 6 * SECOND;
        assertTrue(throttle.admit(Rule.FD_CLOSED_UNDER_SLOT, "", SECOND));
        assertEquals(1, lines.size());
        assertTrue(lines.getFirst().startsWith("ringwatch LEAK fd closed under slot: 2 logged in full, and 1 more slot"
                + " leak in the last 5.0s"), lines.getFirst());
    }

    @Test
    void exitFlushSaysEveryCountAndRulesAreToldApart() {
        for (int i = 0; i < 3; i++) {
            throttle.admit(Rule.RING_OUTLIVED_OWNER, "a.B.c(B.java:1)", SECOND);
            throttle.admit(Rule.UNTRACKED_RING, "", 0);
        }
        throttle.flush(true);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("ringwatch LEAK ring outlived owner: from a.B.c(B.java:1): 2 logged in full,"
                + " and 1 more ring leak from"), lines.get(0));
        assertTrue(lines.get(1).startsWith("ringwatch LEAK untracked ring: 2 logged in full, and 1 more leak in the last"),
                lines.get(1));
    }

    @Test
    void sitesAreBoundedAndTheRestShareOneLinePerRule() {
        for (int i = 0; i < LeakLogThrottle.MAX_SITES + 500; i++) {
            for (int j = 0; j < 3; j++) {
                throttle.admit(Rule.SLOT_OUTLIVED_OWNER, "site" + i, SECOND);
            }
        }
        assertEquals(LeakLogThrottle.MAX_SITES + 1, throttle.sites());
        throttle.flush(true);
        String other = lines.getLast();
        assertTrue(other.contains("(from sites beyond the 1024 this log tells apart): 2 logged in full, and 1498 more"),
                other);
    }

    @Test
    void siteIsTheStacksFirstFrameElseTheOwner() {
        assertEquals("a.B.c(B.java:1)", LeakLogThrottle.site("a.B.c(B.java:1)\na.B.main(B.java:9)", "x.Y"));
        assertEquals("owner x.Y (no creation stack recorded)", LeakLogThrottle.site("", "x.Y"));
        assertEquals("", LeakLogThrottle.site(null, ""));
        assertFalse(LeakLogThrottle.site("\ta.B.c(B.java:1)", "").startsWith("\t"));
    }
}
