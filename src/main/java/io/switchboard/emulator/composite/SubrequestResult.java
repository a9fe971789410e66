package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/** One entry of a {@code compositeResponse}: what a subrequest answered. */
record SubrequestResult(JsonNode body, Map<String, String> httpHeaders, int httpStatusCode, String referenceId) {
    SubrequestResult {
        httpHeaders = Map.copyOf(httpHeaders);
    }

    static SubrequestResult halted(String referenceId) {
        return new SubrequestResult(CompositeErrors.processingHalted(), Map.of(), 400, referenceId);
    }

    ObjectNode toJson() {
        ObjectNode entry = Json.object();
        entry.set("body", body);
        ObjectNode headers = entry.putObject("httpHeaders");
        new TreeMap<>(httpHeaders).forEach(headers::put);
        entry.put("httpStatusCode", httpStatusCode);
        entry.put("referenceId", referenceId);
        return entry;
    }
}
