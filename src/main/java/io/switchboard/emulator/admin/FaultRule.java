package io.switchboard.emulator.admin;

import java.util.Locale;

/**
 * When to inject a fault: either for the next {@code count} matching requests, or for each matching request
 * with probability {@code rate}.
 *
 * @param pathContains only requests whose path contains this text; null for any
 * @param method only requests with this HTTP method; null for any
 * @param status the HTTP status of the answer, for kinds whose status varies (UNABLE_TO_LOCK_ROW); 0 for the default
 * @param skip how many matching requests go through untouched before the rule applies, e.g. 1 to refuse only a
 *     conversation's second composite request
 */
public record FaultRule(FaultKind kind, double rate, int count, String pathContains, String method, int status,
                        int skip) {
    public FaultRule {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (count < 0 || rate < 0 || rate > 1 || (count == 0 && rate == 0)) {
            throw new IllegalArgumentException("give a count above 0 or a rate between 0 and 1");
        }
        if (skip < 0) {
            throw new IllegalArgumentException("skip must be 0 or more, was " + skip);
        }
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
    }

    public static FaultRule times(FaultKind kind, int count) {
        return new FaultRule(kind, 0, count, null, null, 0, 0);
    }

    public static FaultRule rate(FaultKind kind, double rate) {
        return new FaultRule(kind, rate, 0, null, null, 0, 0);
    }

    public FaultRule on(String method, String pathContains) {
        return new FaultRule(kind, rate, count, pathContains, method, status, skip);
    }

    public FaultRule withStatus(int status) {
        return new FaultRule(kind, rate, count, pathContains, method, status, skip);
    }

    public FaultRule afterSkipping(int skip) {
        return new FaultRule(kind, rate, count, pathContains, method, status, skip);
    }

    boolean matches(String requestMethod, String path) {
        return (method == null || method.equals(requestMethod)) && (pathContains == null || path.contains(pathContains));
    }
}
