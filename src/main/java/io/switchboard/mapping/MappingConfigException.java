package io.switchboard.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** The mapping files could not be used; carries every problem found, each with its file and line. */
public class MappingConfigException extends RuntimeException {
    private final transient List<MappingProblem> problems;

    public MappingConfigException(List<MappingProblem> problems) {
        super(problems.stream().map(MappingProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<MappingProblem> problems() {
        return problems;
    }
}
