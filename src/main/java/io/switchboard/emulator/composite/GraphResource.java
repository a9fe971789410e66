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

/**
 * {@code POST /composite/graph}: independent graphs of dependent sObject subrequests, each graph all or nothing
 * in its own transaction, so one failed graph leaves the others' records in place.
 */
final class GraphResource {
    static final int MAX_GRAPHS = 75;
    static final int MAX_NODES = 500;
    private static final Set<String> PROPERTIES = Set.of("graphs");
    private static final Set<String> GRAPH_PROPERTIES = Set.of("graphId", "compositeRequest");
    private static final Pattern GRAPH_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]*");

    private final SubrequestChain chain;

    GraphResource(SubrequestChain chain) {
        this.chain = chain;
    }

    private record Graph(String graphId, List<Subrequest> nodes) {
        Graph {
            nodes = List.copyOf(nodes);
        }
    }

    ApiResponse post(JsonNode body) {
        ObjectNode request = RequestJson.strictObject(body, "the request body", PROPERTIES);
        ArrayNode answers = Json.array();
        for (Graph graph : graphs(RequestJson.requiredArray(request, "graphs"))) {
            answers.add(run(graph));
        }
        ObjectNode answer = Json.object();
        answer.set("graphs", answers);
        return ApiResponse.of(200, answer);
    }

    private ObjectNode run(Graph graph) {
        SubrequestChain.Outcome outcome = chain.run(graph.nodes(), true);
        ArrayNode responses = Json.array();
        outcome.results().forEach(result -> responses.add(result.toJson()));
        ObjectNode answer = Json.object();
        answer.put("graphId", graph.graphId());
        answer.putObject("graphResponse").set("compositeResponse", responses);
        answer.put("isSuccessful", outcome.successful());
        return answer;
    }

    private static List<Graph> graphs(ArrayNode nodes) {
        if (nodes.size() > MAX_GRAPHS) {
            throw CompositeErrors.limitExceeded(
                    "The request has " + nodes.size() + " graphs; the limit is " + MAX_GRAPHS);
        }
        List<Graph> graphs = new ArrayList<>();
        Set<String> graphIds = new HashSet<>();
        int nodeCount = 0;
        for (JsonNode node : nodes) {
            Graph graph = graph(node);
            if (!graphIds.add(graph.graphId())) {
                throw CompositeErrors.jsonParser("Duplicate graphId provided in the request: " + graph.graphId());
            }
            nodeCount += graph.nodes().size();
            graphs.add(graph);
        }
        if (nodeCount > MAX_NODES) {
            throw CompositeErrors.limitExceeded(
                    "The request has " + nodeCount + " nodes; the limit is " + MAX_NODES);
        }
        return graphs;
    }

    private static Graph graph(JsonNode node) {
        ObjectNode graph = RequestJson.strictObject(node, "a graph", GRAPH_PROPERTIES);
        String graphId = RequestJson.requiredText(graph, "graphId");
        if (!GRAPH_ID.matcher(graphId).matches()) {
            throw CompositeErrors.jsonParser("Provided graphId ('" + graphId
                    + "') must start with a letter or a number, and it can contain only letters, numbers and "
                    + "underscores ('_').");
        }
        ArrayNode nodes = RequestJson.requiredArray(graph, "compositeRequest");
        if (nodes.size() > MAX_NODES) {
            throw CompositeErrors.limitExceeded(
                    "Graph " + graphId + " has " + nodes.size() + " nodes; the limit is " + MAX_NODES);
        }
        return new Graph(graphId, CompositeResource.parseUnique(nodes));
    }
}
