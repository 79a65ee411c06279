package dev.ringwatch.agent.report;

import java.util.Arrays;

/** Min, median and max of a set of values (ages, delays). The median of an even count is the mean of the middle two. */
record Distribution(long min, long median, long max) {

    /** Collects values; primitive so that a recording with many slot confirmations stays small. */
    static final class Samples {
        private long[] values = new long[16];
        private int count;

        void add(long value) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = value;
        }

        int count() {
            return count;
        }

        /** Null for no values, so the report shows "not known" instead of a made-up zero. */
        Distribution distribution() {
            if (count == 0) {
                return null;
            }
            long[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            int middle = count / 2;
            long median = count % 2 == 1 ? sorted[middle] : mean(sorted[middle - 1], sorted[middle]);
            return new Distribution(sorted[0], median, sorted[count - 1]);
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
