package dev.ringwatch.sample.echo;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyHistogramTest {

    @Test
    void percentilesOfAUniformSpreadAreWithinTheBucketResolution() {
        LatencyHistogram h = new LatencyHistogram();
        for (int us = 1; us <= 1000; us++) {
            h.record(us * 1000L);
        }
        assertEquals(1000, h.count());
        assertWithin(500_000, h.percentile(50));
        assertWithin(990_000, h.percentile(99));
        assertEquals(1_000_000, h.percentile(100));
        assertEquals(1_000_000, h.max());
        assertEquals(500_500.0, h.mean(), 0.001);
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(3);
        h.record(7);
        assertEquals(3, h.percentile(50));
        assertEquals(7, h.percentile(99));
    }

    @Test
    void bucketsNeverReportBelowTheTrueValue() {
        for (long v = 1; v < (1L << 40); v = v * 3 + 1) {
            int i = LatencyHistogram.index(v);
            assertTrue(LatencyHistogram.upperEdge(i) >= v, "bucket of " + v);
            assertTrue(i == 0 || LatencyHistogram.upperEdge(i - 1) < v, "previous bucket of " + v);
            assertTrue(LatencyHistogram.upperEdge(i) <= v + v / 32, "bucket of " + v + " too wide");
        }
    }

    @Test
    void mergedHistogramsCountEverything() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        for (int i = 0; i < 99; i++) {
            a.record(100_000);
        }
        b.record(50_000_000);
        a.add(b);
        assertEquals(100, a.count());
        assertWithin(100_000, a.percentile(99));
        assertEquals(50_000_000, a.percentile(100));
        assertEquals(50_000_000, a.max());
    }

    @Test
    void emptyAndOutOfRange() {
        LatencyHistogram h = new LatencyHistogram();
        assertEquals(0, h.percentile(99));
        assertThrows(IllegalArgumentException.class, () -> h.percentile(101));
        h.record(Long.MAX_VALUE);
        h.record(-5);
        assertEquals(2, h.count());
        assertEquals(Long.MAX_VALUE, h.max());
    }

    private static void assertWithin(long expected, long actual) {
        assertTrue(actual >= expected && actual <= expected + expected / 32,
                "expected " + expected + " (+3%), got " + actual);
    }
}
