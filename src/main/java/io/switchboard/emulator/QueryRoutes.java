package io.switchboard.emulator;

import io.switchboard.emulator.api.ApiRequest;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.SalesforceError;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps {@code /query}, {@code /queryAll}, {@code /query/{locator}}, {@code /queryAll/{locator}} and {@code /search}
 * onto {@link QueryEndpoints}. Either locator path reads the same cursor, as in Salesforce.
 */
final class QueryRoutes implements RouteHandler {
    private static final int DEFAULT_BATCH_SIZE = 2000;
    private static final Pattern BATCH_SIZE = Pattern.compile("batchSize\\s*=\\s*(\\d+)");

    private final QueryEndpoints endpoints;

    QueryRoutes(QueryEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public ApiResponse handle(ApiRequest request, String apiVersion) {
        if (!request.method().equals("GET")) {
            throw new SalesforceError(405, "METHOD_NOT_ALLOWED",
                    "HTTP Method '" + request.method() + "' not allowed. Allowed are HEAD,GET");
        }
        String[] segments = request.path().replaceFirst("\\?.*", "").replaceAll("^/+|/+$", "").split("/");
        if (segments.length == 2 && !segments[0].equals("search")) {
            return ApiResponse.of(200, endpoints.queryMore().queryMore(segments[1], apiVersion));
        }
        if (segments.length != 1) {
            throw SalesforceError.notFound("The requested resource does not exist");
        }
        String text = request.query().get("q");
        if (text == null || text.isBlank()) {
            throw SalesforceError.malformedQuery("A query string has to be specified");
        }
        if (segments[0].equals("search")) {
            return ApiResponse.of(200, endpoints.search().search(text, apiVersion));
        }
        QueryEndpoints.Query query = segments[0].equals("queryAll") ? endpoints.queryAll() : endpoints.query();
        return ApiResponse.of(200, query.query(text, batchSize(request), apiVersion));
    }

    /** Clients ask for smaller batches with {@code Sforce-Query-Options: batchSize=N}. */
    private static int batchSize(ApiRequest request) {
        String options = request.headers().get("sforce-query-options");
        if (options == null) {
            return DEFAULT_BATCH_SIZE;
        }
        Matcher matcher = BATCH_SIZE.matcher(options);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : DEFAULT_BATCH_SIZE;
    }
}
