package io.switchboard.emulator;

import io.switchboard.emulator.api.ApiRequest;
import io.switchboard.emulator.api.ApiResponse;
import io.switchboard.emulator.api.RestDispatcher;
import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.records.SObjectResource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes a REST request inside the org to the resource for its first path segment. HTTP requests and composite
 * subrequests both come through here, so a subrequest is handled exactly like the same request on its own.
 */
final class OrgDispatcher implements RestDispatcher {
    private static final Pattern VERSIONED_PATH = Pattern.compile("/services/data/(v[^/]+)(/.*)?");

    private final Map<String, RouteHandler> routes = new LinkedHashMap<>();
    /** The version of the HTTP request being answered, which its composite subrequests inherit. */
    private final ThreadLocal<String> currentVersion = ThreadLocal.withInitial(ApiVersions::newest);

    OrgDispatcher(SObjectResource sobjects, Supplier<Map<String, Object>> limits) {
        routes.put("sobjects", sobjects::handle);
        routes.put("limits", (request, version) -> ApiResponse.of(200, limits.get()));
    }

    /** Adds the handler for every path whose first segment is one of {@code firstSegments}. */
    void register(RouteHandler handler, String... firstSegments) {
        for (String segment : firstSegments) {
            routes.put(segment, handler);
        }
    }

    /** Answers a request of the given API version; composite subrequests made meanwhile use the same version. */
    ApiResponse dispatch(ApiRequest request, String apiVersion) {
        String outer = currentVersion.get();
        currentVersion.set(apiVersion);
        try {
            String first = request.path().replaceFirst("^/+", "").split("[/?]", 2)[0];
            RouteHandler handler = Optional.ofNullable(routes.get(first))
                    .orElseThrow(() -> SalesforceError.notFound("The requested resource does not exist"));
            return handler.handle(request, apiVersion);
        } finally {
            currentVersion.set(outer);
        }
    }

    /** Accepts the path after the version, or a full {@code /services/data/vNN.N/...} path as subrequests give it. */
    @Override
    public ApiResponse dispatch(ApiRequest request) {
        Matcher versioned = VERSIONED_PATH.matcher(request.path());
        if (!versioned.matches()) {
            return dispatch(request, currentVersion.get());
        }
        String version = ApiVersions.parse(versioned.group(1))
                .orElseThrow(() -> SalesforceError.notFound("The requested resource does not exist"));
        String rest = versioned.group(2) == null ? "/" : versioned.group(2);
        return dispatch(new ApiRequest(request.method(), rest, request.query(), request.headers(), request.body(),
                request.userId(), request.content()), version);
    }
}
