package io.switchboard.emulator.admin;

import io.switchboard.emulator.api.ApiUsage;
import java.util.LinkedHashMap;
import java.util.Map;

/** The org's daily API allowance: how many calls were made and how many are allowed. */
public final class ApiAllowance implements ApiUsage {
    private final long initialMax;
    private long used;
    private long max;

    public ApiAllowance(long max) {
        this.initialMax = max;
        this.max = max;
    }

    /** Counts one call when the allowance has room; false when it is spent. */
    public synchronized boolean tryConsume() {
        if (used >= max) {
            return false;
        }
        used++;
        return true;
    }

    @Override
    public synchronized void add(int calls) {
        used += calls;
    }

    @Override
    public synchronized long used() {
        return used;
    }

    @Override
    public synchronized long max() {
        return max;
    }

    public synchronized void set(long max, long used) {
        this.max = max;
        this.used = used;
    }

    public synchronized void reset() {
        set(initialMax, 0);
    }

    /** The value of the {@code Sforce-Limit-Info} header. */
    public synchronized String header() {
        return "api-usage=" + used + "/" + max;
    }

    /** The answer of {@code GET /limits}; allowances other than API requests are fixed. */
    public synchronized Map<String, Object> limits() {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("ConcurrentAsyncGetReportInstances", limit(200, 200));
        limits.put("DailyApiRequests", limit(max, Math.max(0, max - used)));
        limits.put("DailyAsyncApexExecutions", limit(250000, 250000));
        limits.put("DailyBulkV2QueryJobs", limit(10000, 10000));
        limits.put("DailyBulkApiBatches", limit(15000, 15000));
        limits.put("DataStorageMB", limit(5, 5));
        limits.put("FileStorageMB", limit(20, 20));
        limits.put("SingleEmail", limit(15, 15));
        return limits;
    }

    private static Map<String, Long> limit(long max, long remaining) {
        Map<String, Long> limit = new LinkedHashMap<>();
        limit.put("Max", max);
        limit.put("Remaining", remaining);
        return limit;
    }
}
