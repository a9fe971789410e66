package io.switchboard.emulator;

import io.switchboard.emulator.api.ApiRequest;
import io.switchboard.emulator.api.ApiResponse;

/** Answers the REST requests under one path prefix; refusals are thrown as SalesforceError. */
@FunctionalInterface
public interface RouteHandler {
    ApiResponse handle(ApiRequest request, String apiVersion);
}
