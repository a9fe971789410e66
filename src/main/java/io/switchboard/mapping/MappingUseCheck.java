package io.switchboard.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the objects and fields the active mappings write on one connection exist there, as configured, against
 * that connection's describes: the live org for check-connection, the saved describes for validate.
 */
public final class MappingUseCheck {
    private MappingUseCheck() {
    }

    /**
     * What was checked and found. {@code notDescribed} are the uses whose object the source holds no describe of
     * (saved describes older than the mapping), which were not checked at all.
     */
    public record Result(int objects, int fields, List<MappingProblem> problems, List<ObjectUse> notDescribed) {
        public Result {
            problems = List.copyOf(problems);
            notDescribed = List.copyOf(notDescribed);
        }

        public boolean usable() {
            return problems.isEmpty();
        }

        /** Whether the mappings write anything on this connection at all. */
        public boolean anyUse() {
            return objects > 0 || !notDescribed.isEmpty();
        }
    }

    public static Result run(DescribeSource describes, Mappings mappings) {
        return run(describes, mappings.objectUses());
    }

    /** The uses given, of any configuration that names Salesforce fields (the mapping files and more). */
    public static Result run(DescribeSource describes, List<ObjectUse> uses) {
        CheckAgainstDescribe check = new CheckAgainstDescribe(describes);
        List<MappingProblem> problems = new ArrayList<>();
        List<ObjectUse> notDescribed = new ArrayList<>();
        int objects = 0;
        int fields = 0;
        for (ObjectUse use : uses) {
            if (!use.connection().equals(describes.connection())) {
                continue;
            }
            if (!describes.holds(use.sobject())) {
                notDescribed.add(use);
                continue;
            }
            objects++;
            fields += use.fields().size();
            problems.addAll(check.check(use));
        }
        return new Result(objects, fields, problems, notDescribed);
    }
}
