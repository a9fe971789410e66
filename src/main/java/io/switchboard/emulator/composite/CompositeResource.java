package io.switchboard.emulator.composite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.api.ApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code POST /composite}: up to 25 dependent subrequests, at most 5 of them queries or collections. */
final class CompositeResource {
    static final int MAX_SUBREQUESTS = 25;
    static final int MAX_QUERIES_AND_COLLECTIONS = 5;
    private static final Set<String> PROPERTIES = Set.of("allOrNone", "collateSubrequests", "compositeRequest");
    private static final Pattern QUERY_OR_COLLECTION =
            Pattern.compile("/services/data/v[^/]+/(query|queryAll|composite/sobjects)([/?].*)?");

    private final SubrequestChain chain;

    CompositeResource(SubrequestChain chain) {
        this.chain = chain;
    }

    ApiResponse post(JsonNode body) {
        ObjectNode request = RequestJson.strictObject(body, "the request body", PROPERTIES);
        boolean allOrNone = RequestJson.optionalBoolean(request, "allOrNone", false);
        // collation only reorders unrelated subrequests; running them in order is one of its valid outcomes
        RequestJson.optionalBoolean(request, "collateSubrequests", true);
        List<Subrequest> subrequests = subrequests(RequestJson.requiredArray(request, "compositeRequest"));
        ArrayNode responses = Json.array();
        chain.run(subrequests, allOrNone).results().forEach(result -> responses.add(result.toJson()));
        ObjectNode answer = Json.object();
        answer.set("compositeResponse", responses);
        return ApiResponse.of(200, answer);
    }

    private static List<Subrequest> subrequests(ArrayNode nodes) {
        if (nodes.size() > MAX_SUBREQUESTS) {
            throw CompositeErrors.limitExceeded(
                    "The composite request has " + nodes.size() + " subrequests; the limit is " + MAX_SUBREQUESTS);
        }
        List<Subrequest> subrequests = parseUnique(nodes);
        long heavy = subrequests.stream().filter(s -> QUERY_OR_COLLECTION.matcher(s.url()).matches()).count();
        if (heavy > MAX_QUERIES_AND_COLLECTIONS) {
            throw CompositeErrors.limitExceeded("The composite request has " + heavy
                    + " query or sObject Collections subrequests; the limit is " + MAX_QUERIES_AND_COLLECTIONS);
        }
        return subrequests;
    }

    /** Parses the subrequests of one composite unit, whose referenceIds must be distinct. */
    static List<Subrequest> parseUnique(ArrayNode nodes) {
        List<Subrequest> subrequests = new ArrayList<>();
        Set<String> referenceIds = new HashSet<>();
        for (JsonNode node : nodes) {
            Subrequest subrequest = Subrequest.parse(node);
            if (!referenceIds.add(subrequest.referenceId())) {
                throw CompositeErrors.duplicateReferenceId(subrequest.referenceId());
            }
            subrequests.add(subrequest);
        }
        return subrequests;
    }
}
