package io.switchboard.cli;

import io.switchboard.mapping.CheckAgainstDescribe;
import io.switchboard.mapping.Describes;
import io.switchboard.mapping.MappingProblem;
import io.switchboard.mapping.Mappings;
import io.switchboard.mapping.ObjectUse;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.SalesforceClient;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;

/** Checks that the objects and fields the active mappings write on one connection exist there, as configured. */
final class MappingUseCheck {
    private MappingUseCheck() {
    }

    /** Printable lines: one summary, then one per problem with file and line. Empty problems list means usable. */
    record Result(List<String> lines, List<MappingProblem> problems) {
        boolean usable() {
            return problems.isEmpty();
        }
    }

    static Result run(CamelContext camelContext, ConnectionSettings connection, Mappings mappings) {
        SalesforceClient client = new SalesforceClient(camelContext, connection);
        CheckAgainstDescribe check = new CheckAgainstDescribe(new Describes());
        List<MappingProblem> problems = new ArrayList<>();
        int objects = 0;
        int fields = 0;
        for (ObjectUse use : mappings.objectUses()) {
            if (use.connection().equals(connection.name())) {
                objects++;
                fields += use.fields().size();
                problems.addAll(check.check(use, client));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format("mappings        %d object use(s), %d field(s) checked against describe: %s",
                objects, fields, problems.isEmpty() ? "all exist and fit" : problems.size() + " problem(s)"));
        for (MappingProblem problem : problems) {
            lines.add("problem         " + problem);
        }
        return new Result(lines, problems);
    }
}
