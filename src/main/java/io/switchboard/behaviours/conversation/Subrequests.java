package io.switchboard.behaviours.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code /composite} subrequests for one API version: creating records, one at a time or as an all-or-none
 * sObject collection, and reading one back.
 */
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

    /** Up to 200 records of one type in one subrequest; all are written or none. */
    ObjectNode createAll(String sobject, String referenceId, List<ObjectNode> records) {
        ObjectNode subrequest = subrequest("POST", "/composite/sobjects", referenceId);
        ObjectNode body = subrequest.putObject("body");
        body.put("allOrNone", true);
        ArrayNode typed = body.putArray("records");
        for (ObjectNode record : records) {
            ObjectNode entry = typed.addObject();
            entry.putObject("attributes").put("type", sobject);
            entry.setAll(record);
        }
        return subrequest;
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
