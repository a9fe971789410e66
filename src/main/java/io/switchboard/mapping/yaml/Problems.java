package io.switchboard.mapping.yaml;

import io.switchboard.mapping.MappingConfigException;
import io.switchboard.mapping.MappingProblem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the problems found while reading mapping files, so that one run reports all of them. */
public final class Problems {
    private final List<MappingProblem> found = new ArrayList<>();

    public void add(Path file, int line, String message) {
        found.add(new MappingProblem(file, line, message));
    }

    public void addAll(List<MappingProblem> problems) {
        found.addAll(problems);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<MappingProblem> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new MappingConfigException(found);
        }
    }
}
