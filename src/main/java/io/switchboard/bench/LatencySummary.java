package io.switchboard.bench;

import java.util.Arrays;

/** Percentiles of a set of durations in milliseconds. */
record LatencySummary(int count, long p50, long p95, long p99, long max) {
    static final LatencySummary NONE = new LatencySummary(0, 0, 0, 0, 0);

    static LatencySummary of(long[] millis) {
        if (millis.length == 0) {
            return NONE;
        }
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** Nearest-rank percentile: the smallest value that at least this share of the set does not exceed. */
    private static long percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
