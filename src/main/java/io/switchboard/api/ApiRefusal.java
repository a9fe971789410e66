package io.switchboard.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A request the API turns down: the HTTP status and the JSON answer the caller gets. */
public final class ApiRefusal extends RuntimeException {
    private final int status;
    private final transient ObjectNode answer;

    private ApiRefusal(int status, ObjectNode answer) {
        super(status + " " + answer.path(answer.has("error") ? "error" : "errorCode").asText(), null, false, false);
        this.status = status;
        this.answer = answer;
    }

    public static ApiRefusal of(int status, String error, String message) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("error", error);
        if (message != null) {
            answer.put("message", message);
        }
        return new ApiRefusal(status, answer);
    }

    /** A refusal with a body of its own, such as the {@code /api}'s Salesforce-shaped errors. */
    public static ApiRefusal withBody(int status, ObjectNode body) {
        return new ApiRefusal(status, body);
    }

    public static ApiRefusal unauthorized() {
        return of(401, "unauthorized", null);
    }

    /** 400 with every problem, each naming its field; {@code error} says whether the event or the request was wrong. */
    public static ApiRefusal problems(String error, List<FieldProblem> problems) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("error", error);
        problems.forEach(problem -> answer.withArray("problems").addObject()
                .put("field", problem.field()).put("message", problem.message()));
        return new ApiRefusal(400, answer);
    }

    public int status() {
        return status;
    }

    public ObjectNode answer() {
        return answer.deepCopy();
    }
}
