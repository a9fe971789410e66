package io.switchboard.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The SOQL and SOSL engine the emulator answers {@code /query}, {@code /queryAll} and {@code /search} with,
 * given as four method references.
 *
 * @param query runs a query over the live records
 * @param queryAll runs a query over the live records and the recycle bin's
 */
public record QueryEndpoints(Query query, Query queryAll, QueryMore queryMore, Search search) {

    /** Runs a SOQL query and answers its first batch. */
    @FunctionalInterface
    public interface Query {
        JsonNode query(String soql, int batchSize, String apiVersion);
    }

    /** Answers the batch a {@code nextRecordsUrl} locator points at. */
    @FunctionalInterface
    public interface QueryMore {
        JsonNode queryMore(String locator, String apiVersion);
    }

    /** Runs a SOSL search. */
    @FunctionalInterface
    public interface Search {
        JsonNode search(String sosl, String apiVersion);
    }
}
