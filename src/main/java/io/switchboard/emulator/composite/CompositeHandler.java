package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.api.ApiRequest;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.ApiUsage;
import io.switchboard.emulator.api.RestDispatcher;
import io.switchboard.emulator.api.Transactions;

/**
 * Salesforce's composite resources: {@code /composite}, {@code /composite/batch}, {@code /composite/tree/{Type}},
 * {@code /composite/sobjects[...]} and {@code /composite/graph}, each subrequest run through the dispatcher
 * exactly as if it had been sent alone.
 */
public final class CompositeHandler {
    private final RestDispatcher dispatcher;
    private final Transactions transactions;
    private final ApiUsage usage;
    private final CollectionsResource collections;
    private final TreeResource tree;

    public CompositeHandler(RestDispatcher dispatcher, Transactions transactions, ApiUsage usage) {
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.usage = usage;
        this.collections = new CollectionsResource(transactions);
        this.tree = new TreeResource(transactions);
    }

    /** request.path() starts with "/composite"; apiVersion like "60.0". Throws SalesforceError for refusals. */
    public ApiResponse handle(ApiRequest request, String apiVersion) {
        OrgCalls calls = new OrgCalls(dispatcher, request, apiVersion);
        String path = withoutTrailingSlash(request.path());
        String method = request.method();
        if (path.equals("/composite")) {
            return composite(request, calls);
        }
        if (path.equals("/composite/batch")) {
            requirePost(method);
            return new BatchResource(target(calls, SubrequestScope.BATCH), usage).post(request.body());
        }
        if (path.equals("/composite/graph")) {
            requirePost(method);
            return new GraphResource(chain(calls, SubrequestScope.GRAPH)).post(request.body());
        }
        if (path.startsWith("/composite/tree/") && path.indexOf('/', "/composite/tree/".length()) < 0) {
            requirePost(method);
            return tree.post(path.substring("/composite/tree/".length()), request.body(), calls);
        }
        if (path.equals("/composite/sobjects") || path.startsWith("/composite/sobjects/")) {
            return collections.handle(request, calls);
        }
        throw CompositeErrors.notFound();
    }

    private ApiResponse composite(ApiRequest request, OrgCalls calls) {
        return switch (request.method()) {
            case "GET", "HEAD" -> ApiResponse.of(200, directory(calls));
            case "POST" -> new CompositeResource(chain(calls, SubrequestScope.COMPOSITE)).post(request.body());
            default -> throw CompositeErrors.methodNotAllowed(request.method(), "HEAD,GET,POST");
        };
    }

    /** {@code GET /composite} lists the other composite resources. */
    private static ObjectNode directory(OrgCalls calls) {
        ObjectNode resources = Json.object();
        for (String name : new String[] {"tree", "batch", "sobjects", "graph"}) {
            resources.put(name, calls.absolute("/composite/" + name));
        }
        return resources;
    }

    private SubrequestChain chain(OrgCalls calls, SubrequestScope scope) {
        return new SubrequestChain(target(calls, scope), transactions);
    }

    private SubrequestTarget target(OrgCalls calls, SubrequestScope scope) {
        return new SubrequestTarget(calls, collections, scope);
    }

    private static void requirePost(String method) {
        if (!method.equals("POST")) {
            throw CompositeErrors.methodNotAllowed(method, "POST");
        }
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
