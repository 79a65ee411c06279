package dev.ringwatch.agent.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void medianOfOddAndEvenCounts() {
        Distribution.Samples odd = samples(5, 1, 3);
        assertEquals(new Distribution(1, 3, 5), odd.distribution());
        Distribution.Samples even = samples(40, 10, 30, 20);
        assertEquals(new Distribution(10, 25, 40), even.distribution());
    }

    @Test
    void manySamplesAndLargeValuesDoNotOverflow() {
        Distribution.Samples samples = new Distribution.Samples();
        for (int i = 0; i < 1000; i++) {
            samples.add(i);
        }
        assertEquals(new Distribution(0, 499, 999), samples.distribution(), "mean of 499 and 500, rounded down");
        Distribution big = samples(Long.MAX_VALUE, Long.MAX_VALUE - 2).distribution();
        assertEquals(Long.MAX_VALUE - 1, big.median());
    }

    @Test
    void noSamplesIsNotKnownRatherThanZero() {
        assertNull(new Distribution.Samples().distribution());
        assertNull(Distribution.median(null));
    }

    private static Distribution.Samples samples(long... values) {
        Distribution.Samples samples = new Distribution.Samples();
        for (long value : values) {
            samples.add(value);
        }
        return samples;
    }
}
