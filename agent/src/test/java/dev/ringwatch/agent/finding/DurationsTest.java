package dev.ringwatch.agent.finding;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DurationsTest {
    @Test
    void readableAges() {
        assertEquals("0ms", Durations.format(-5));
        assertEquals("850ms", Durations.format(TimeUnit.MILLISECONDS.toNanos(850)));
        assertEquals("3.2s", Durations.format(TimeUnit.MILLISECONDS.toNanos(3200)));
        assertEquals("2m05s", Durations.format(TimeUnit.SECONDS.toNanos(125)));
        assertEquals("1h02m", Durations.format(TimeUnit.MINUTES.toNanos(62)));
        assertEquals("2d03h", Durations.format(TimeUnit.HOURS.toNanos(51)));
    }
}
