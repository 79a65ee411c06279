package dev.ringwatch.sample;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short soak without the agent, in a child JVM (its dropped SQPOLL rings keep kernel threads until that JVM
 * exits): every kind of deliberate leak is made and counted, samples are printed, no exception reaches it.
 */
class SoakCommandTest {

    @Test
    void shortSoakCountsEveryKindOfLeakAndNoException() throws Exception {
        Runs.Run r = Runs.child(Duration.ofSeconds(60), "soak", "--seconds", "2", "--threads", "2",
                "--leak-every", "5", "--sqpoll-every", "4", "--sample-seconds", "1");
        assertEquals(0, r.exitCode(), r::describe);
        assertTrue(r.out().lines().filter(l -> l.startsWith("soak-sample t=")).count() >= 3, r::describe);
        for (String kind : new String[] {"leakedRings", "leakedSqpollRings", "leakedSlots", "sqpollRings", "rings"}) {
            assertTrue(value(r.out(), kind) > 0, () -> kind + " should be counted:\n" + r.describe());
        }
        assertEquals(value(r.out(), "leakedRings") + value(r.out(), "leakedSqpollRings") + value(r.out(), "leakedSlots"),
                value(r.out(), "leaksMade"), r::describe);
        assertEquals(0, value(r.out(), "exceptions"), r::describe);
        assertEquals(-1, value(r.out(), "leaksReportedJmx"), "no agent, no count; " + r.describe());
    }

    private static long value(String out, String key) {
        Matcher m = Pattern.compile("^result: .* " + key + "=(-?[0-9]+)", Pattern.MULTILINE).matcher(out);
        assertTrue(m.find(), key + " in " + out);
        return Long.parseLong(m.group(1));
    }
}
