package io.switchboard.salesforce;

import org.apache.camel.Exchange;
import org.apache.camel.component.salesforce.SalesforceEndpoint;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.component.salesforce.internal.OperationName;

/**
 * Whether a call to Salesforce may change the org: every operation but the reads (queries, searches, describes,
 * gets, limits) and raw requests with GET or HEAD. Anything not known to be a read counts as a write.
 */
final class SalesforceWrites {
    private SalesforceWrites() {
    }

    static boolean writes(SalesforceEndpoint endpoint, Exchange exchange) {
        OperationName operation = endpoint.getOperationName();
        if (operation == OperationName.RAW) {
            String method = exchange.getMessage().getHeader(SalesforceEndpointConfig.RAW_METHOD, String.class);
            method = method == null ? endpoint.getConfiguration().getRawMethod() : method;
            return method != null && !method.equalsIgnoreCase("GET") && !method.equalsIgnoreCase("HEAD");
        }
        String name = operation.name();
        boolean reads = name.startsWith("GET_") || name.startsWith("QUERY") || name.equals("SEARCH")
                || name.equals("RECENT") || name.equals("LIMITS") || name.equals("COMPOSITE_RETRIEVE_SOBJECT_COLLECTIONS")
                || name.startsWith("BULK2_GET_");
        return !reads;
    }
}
