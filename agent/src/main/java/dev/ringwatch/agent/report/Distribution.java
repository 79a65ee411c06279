package dev.ringwatch.agent.report;

import java.util.Arrays;
import java.util.Random;

/** Min, median and max of a set of values (ages, delays). The median of an even count is the mean of the middle two. */
record Distribution(long min, long median, long max) {

    /**
     * Collects values in bounded memory: min and max are exact; the median is exact up to {@link #KEPT}
     * values and beyond that the median of a uniform sample of {@link #KEPT} of them (reservoir sampling,
     * seeded, so a report comes out the same twice), because a recording may hold millions.
     */
    static final class Samples {
        static final int KEPT = 65_536;

        private long[] values = new long[16];
        private int kept;
        private long seen;
        private long min = Long.MAX_VALUE;
        private long max = Long.MIN_VALUE;
        private final Random choice = new Random(1);

        void add(long value) {
            seen++;
            min = Math.min(min, value);
            max = Math.max(max, value);
            if (kept < KEPT) {
                if (kept == values.length) {
                    values = Arrays.copyOf(values, Math.min(KEPT, kept * 2));
                }
                values[kept++] = value;
                return;
            }
            long slot = (long) (choice.nextDouble() * seen);
            if (slot < KEPT) {
                values[(int) slot] = value;
            }
        }

        long count() {
            return seen;
        }

        /** Null for no values, so the report shows "not known" instead of a made-up zero. */
        Distribution distribution() {
            if (seen == 0) {
                return null;
            }
            long[] sorted = Arrays.copyOf(values, kept);
            Arrays.sort(sorted);
            int middle = kept / 2;
            long median = kept % 2 == 1 ? sorted[middle] : mean(sorted[middle - 1], sorted[middle]);
            return new Distribution(min, median, max);
        }

        /** Halves first: the sum of two large nanosecond values may overflow. */
        private static long mean(long a, long b) {
            return a / 2 + b / 2 + (a % 2 + b % 2) / 2;
        }
    }

    static Long min(Distribution d) {
        return d == null ? null : d.min;
    }

    static Long median(Distribution d) {
        return d == null ? null : d.median;
    }

    static Long max(Distribution d) {
        return d == null ? null : d.max;
    }
}
