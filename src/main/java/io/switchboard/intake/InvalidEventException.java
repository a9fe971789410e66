package io.switchboard.intake;

import io.switchboard.api.FieldProblem;
import java.util.List;

/** An event body that cannot be accepted, with every problem found in it. */
public class InvalidEventException extends Exception {
    private final transient List<FieldProblem> problems;

    public InvalidEventException(List<FieldProblem> problems) {
        super(problems.size() + " problem(s), first: " + problems.get(0).field() + " " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
