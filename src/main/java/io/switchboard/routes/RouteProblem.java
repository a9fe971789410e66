package io.switchboard.routes;

/** Why a route file cannot be loaded as it is: the line of the step (0 when unknown) and the cause. */
public record RouteProblem(int line, String message) {
    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + message;
    }
}
