package io.switchboard.emulator.api;

/**
 * Routes one REST request to the handler for its path. Composite requests call it for each subrequest,
 * so a subrequest is validated exactly as the same request sent on its own.
 * A refusal comes back as a {@link SalesforceError}, not as an error response.
 */
public interface RestDispatcher {
    ApiResponse dispatch(ApiRequest request);
}
