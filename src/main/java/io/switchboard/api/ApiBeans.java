package io.switchboard.api;

import io.switchboard.config.Secret;
import io.switchboard.salesforce.SalesforceClients;
import java.util.function.BiConsumer;

/**
 * Registers what {@code routes/http-api.camel.yaml} and {@code routes/sobjects-api.camel.yaml} name: the token check
 * and the failure answers that every API route shares, and the generic sObject operations.
 */
public final class ApiBeans {
    /** The header filter of every platform-http endpoint (see {@link RequestHeadersStayOut}). */
    public static final String HEADER_FILTER = "requestHeadersStayOut";

    private ApiBeans() {
    }

    public static void bind(BiConsumer<String, Object> registry, Secret apiToken, SalesforceClients clients) {
        registry.accept("requireApiToken", new RequireApiToken(apiToken));
        registry.accept("answerFailure", new AnswerFailure());
        registry.accept(HEADER_FILTER, new RequestHeadersStayOut());
        registry.accept("sobjectsApi", new SObjectsApi(clients));
    }
}
