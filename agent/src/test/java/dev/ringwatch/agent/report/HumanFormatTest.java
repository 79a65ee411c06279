package dev.ringwatch.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HumanFormatTest {

    @Test
    void durationsUseTheLargestFittingUnitWithThreeSignificantDigits() {
        assertEquals("850 ns", HumanFormat.duration(850));
        assertEquals("1.50 us", HumanFormat.duration(1_500));
        assertEquals("12.5 ms", HumanFormat.duration(12_500_000L));
        assertEquals("250 ms", HumanFormat.duration(Duration.ofMillis(250).toNanos()));
        assertEquals("2.50 s", HumanFormat.duration(Duration.ofMillis(2_500).toNanos()));
        assertEquals("3 min 20 s", HumanFormat.duration(Duration.ofSeconds(200).toNanos()));
        assertEquals("5 min", HumanFormat.duration(Duration.ofMinutes(5).toNanos()));
        assertEquals("2 h 5 min", HumanFormat.duration(Duration.ofMinutes(125).toNanos()));
        assertEquals("1 d 3 h", HumanFormat.duration(Duration.ofHours(27).toNanos()));
        assertEquals("n/a", HumanFormat.duration((Long) null));
        assertEquals("-2.00 s", HumanFormat.duration(-2_000_000_000L));
    }

    @Test
    void timesAreUtcToTheMillisecondAndSizesBinary() {
        assertEquals("2025-03-01T10:15:30.123Z", HumanFormat.time(Instant.parse("2025-03-01T10:15:30.123456789Z")));
        assertEquals("512 B", HumanFormat.bytes(512));
        assertEquals("16.0 KiB", HumanFormat.bytes(16 * 1024));
        assertEquals("1.50 MiB", HumanFormat.bytes(3 * 512 * 1024));
    }
}
