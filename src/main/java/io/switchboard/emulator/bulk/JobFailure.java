package io.switchboard.emulator.bulk;

/**
 * Why a whole job failed while being processed: its {@code errorMessage}, worded {@code ExceptionCode : message} as
 * Salesforce words the job-level failures it reports.
 */
final class JobFailure extends RuntimeException {
    private JobFailure(String errorMessage) {
        super(errorMessage, null, false, false);
    }

    /** Confirmed wording; Salesforce names only the first unknown column. */
    static JobFailure fieldNotFound(String column) {
        return new JobFailure("InvalidBatch : Field name not found : " + column);
    }

    /** Confirmed wording, from a job whose data used the other line ending. */
    static JobFailure lineEnding(LineEnding declared) {
        return new JobFailure("ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is "
                + declared.name());
    }

    /**
     * Reported wording for a quote inside an unquoted value, which a UTF-8 byte-order mark before a quoted first
     * header also causes; a quote right after a closing quote is refused the same way (not confirmed).
     */
    static JobFailure unescapedQuote() {
        return new JobFailure("InvalidBatch : Failed to parse CSV. Found unescaped quote");
    }

    /** Not confirmed: the wording for data ending inside a quoted value. */
    static JobFailure unclosedQuote() {
        return new JobFailure("InvalidBatch : Failed to parse CSV. EOF reached before closing an opened quote");
    }

    /** Not confirmed: the wording for a row with more or fewer values than the header has columns. */
    static JobFailure columnCount(int row, int values, int columns) {
        return new JobFailure("InvalidBatch : Failed to parse CSV. Row " + row + " has " + values
                + " values but the header row has " + columns + " columns");
    }

    /** Not confirmed: the wording for a header naming the same field twice. */
    static JobFailure duplicateColumn(String column) {
        return new JobFailure("InvalidBatch : Duplicate field name: " + column);
    }

    /** Not confirmed: the wording for a later upload whose header differs from the first upload's. */
    static JobFailure headerMismatch() {
        return new JobFailure("InvalidBatch : Every upload of a job must have the same header row");
    }

    /** Not confirmed: the wording; the 32,000-character limit of the header row is documented. */
    static JobFailure headerTooLong() {
        return new JobFailure("InvalidBatch : The header row exceeds 32,000 characters");
    }

    /** An unexpected error of the emulator itself, reported as Salesforce reports a cause it does not know. */
    static JobFailure unknown(RuntimeException cause) {
        return new JobFailure("Unknown : " + cause);
    }

    String errorMessage() {
        return getMessage();
    }
}
