package io.switchboard.bulk;

/**
 * One line of the results file. {@code salesforceId}, {@code errorCode} and {@code message} are empty when they do
 * not apply; a failed row carries Salesforce's own errorCode and message.
 */
public record RowResult(int line, String key, String salesforceId, Outcome outcome, String errorCode,
                        String message) {
    static RowResult skipped(int line, String key, String problem) {
        return new RowResult(line, key, "", Outcome.SKIPPED, "", problem);
    }
}
