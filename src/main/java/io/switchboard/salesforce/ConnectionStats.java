package io.switchboard.salesforce;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one connection's calls to Salesforce have shown: calls by outcome and their total time, the daily API
 * usage Salesforce reports in {@code Sforce-Limit-Info} on every answer, and the last failure. Read by health and
 * metrics without costing an API call.
 */
public final class ConnectionStats {
    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

    /** How a call ended: answered, refused by Salesforce (4xx), or failed in a way worth retrying. */
    public enum Outcome { OK, REFUSED, TRANSIENT }

    /** The last failure that says the org cannot be reached or used now (not a refusal of one record). */
    public record Failure(Instant at, String code, String message) {
    }

    private final Map<Outcome, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder nanos = new LongAdder();
    private final AtomicLong apiUsed = new AtomicLong(-1);
    private final AtomicLong apiMax = new AtomicLong(-1);
    private volatile Instant lastSuccess;
    private volatile Failure lastOutage;

    void record(Outcome outcome, long elapsedNanos, String limitInfo, SalesforceApiException failure) {
        calls.computeIfAbsent(outcome, unused -> new LongAdder()).increment();
        nanos.add(elapsedNanos);
        readUsage(limitInfo);
        if (outcome == Outcome.OK) {
            lastSuccess = Instant.now();
            lastOutage = null;
        } else if (failure != null && (outcome == Outcome.TRANSIENT || failure.status() == 401
                || "REQUEST_LIMIT_EXCEEDED".equals(failure.errorCode()))) {
            lastOutage = new Failure(Instant.now(), failure.errorCode(), failure.getMessage());
        } else {
            lastSuccess = Instant.now();
        }
    }

    private void readUsage(String limitInfo) {
        if (limitInfo == null) {
            return;
        }
        Matcher matcher = API_USAGE.matcher(limitInfo);
        if (matcher.find()) {
            apiUsed.set(Long.parseLong(matcher.group(1)));
            apiMax.set(Long.parseLong(matcher.group(2)));
        }
    }

    public long calls(Outcome outcome) {
        LongAdder adder = calls.get(outcome);
        return adder == null ? 0 : adder.sum();
    }

    public long totalCalls() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public double totalSeconds() {
        return nanos.sum() / 1e9;
    }

    /** Daily API requests used as last reported by Salesforce, or -1 before the first answer. */
    public long apiUsed() {
        return apiUsed.get();
    }

    public long apiMax() {
        return apiMax.get();
    }

    public Instant lastSuccess() {
        return lastSuccess;
    }

    /** The failure since which no call has succeeded, or null when the connection works (or was never used). */
    public Failure outage() {
        return lastOutage;
    }
}
