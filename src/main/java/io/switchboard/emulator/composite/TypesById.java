package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the sObject type of a record id from its key prefix, learnt from the org's describe-global answer
 * ({@code GET /sobjects}), as a client would; asked at most once per composite call.
 */
final class TypesById {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}");

    private final OrgCalls calls;
    private Map<String, String> typeByPrefix;

    TypesById(OrgCalls calls) {
        this.calls = calls;
    }

    /** Empty for a malformed id or a prefix no object of the org has. */
    Optional<String> typeOf(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(prefixes().get(id.substring(0, 3)));
    }

    private Map<String, String> prefixes() {
        if (typeByPrefix == null) {
            typeByPrefix = new HashMap<>();
            JsonNode global = Json.tree(calls.send("GET", "/sobjects", Map.of(), null).body());
            for (JsonNode object : global.path("sobjects")) {
                if (object.path("keyPrefix").isTextual()) {
                    typeByPrefix.put(object.get("keyPrefix").textValue(), object.path("name").asText());
                }
            }
        }
        return typeByPrefix;
    }
}
