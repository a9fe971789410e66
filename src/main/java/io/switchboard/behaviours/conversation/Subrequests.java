package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Builds {@code /composite} subrequests for one API version: creating records and reading one back. */
final class Subrequests {
    private final String apiPath;

    /** @param apiVersion such as {@code 62.0} */
    Subrequests(String apiVersion) {
        this.apiPath = "/services/data/v" + apiVersion;
    }

    ObjectNode create(String sobject, String referenceId, JsonNode fields, Map<String, String> headers) {
        ObjectNode subrequest = subrequest("POST", "/sobjects/" + sobject, referenceId);
        subrequest.set("body", fields);
        if (!headers.isEmpty()) {
            ObjectNode httpHeaders = subrequest.putObject("httpHeaders");
            headers.forEach(httpHeaders::put);
        }
        return subrequest;
    }

    ObjectNode create(String sobject, String referenceId, JsonNode fields) {
        return create(sobject, referenceId, fields, Map.of());
    }

    /** @param id a record id, or a reference to an earlier subrequest such as {@code @{file1.id}} */
    ObjectNode read(String sobject, String id, String fields, String referenceId) {
        return subrequest("GET", "/sobjects/" + sobject + "/" + id + "?fields=" + fields, referenceId);
    }

    private ObjectNode subrequest(String method, String path, String referenceId) {
        ObjectNode subrequest = JsonNodeFactory.instance.objectNode();
        subrequest.put("method", method);
        subrequest.put("url", apiPath + path);
        subrequest.put("referenceId", referenceId);
        return subrequest;
    }
}
