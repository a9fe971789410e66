package io.switchboard.schema;

import io.switchboard.mapping.DescribeSource;
import io.switchboard.mapping.Describes;
import io.switchboard.mapping.LiveDescribes;
import io.switchboard.mapping.MappingProblem;
import io.switchboard.mapping.MappingUseCheck;
import io.switchboard.mapping.Mappings;
import io.switchboard.mapping.ObjectUse;
import io.switchboard.salesforce.ConnectionCheck;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.SalesforceClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;

/**
 * What {@code check-connection} reports, line by line: the connection's login and org ({@link ConnectionCheck}), then
 * the mappings checked against the org's describes, which it saves for {@code validate} when told where. The demo
 * and the console's "check connection" print the same report without saving.
 */
public final class ConnectionReport {
    private ConnectionReport() {
    }

    /**
     * Prints the connection report and, once logged in, the check of the mappings on it, saving the describes it
     * reads when given where; true when all is usable. A describe that cannot be saved is reported, but leaves the
     * connection usable: it only keeps validate from checking offline.
     */
    public static boolean print(CamelContext context, ConnectionSettings settings, Mappings mappings,
                                Optional<SavedDescribes> saveTo, Consumer<String> printer) {
        return print(context, settings, mappings.objectUses(), saveTo, printer);
    }

    /** As {@link #print(CamelContext, ConnectionSettings, Mappings, Optional, Consumer)}, for any object uses. */
    public static boolean print(CamelContext context, ConnectionSettings settings, List<ObjectUse> uses,
                                Optional<SavedDescribes> saveTo, Consumer<String> printer) {
        ConnectionCheck.Report report = new ConnectionCheck(context, settings).run();
        List<String> lines = new ArrayList<>(report.lines());
        String result = lines.remove(lines.size() - 1);
        boolean usable = report.usable();
        if (report.orgId() != null) {
            DescribeSource org = new LiveDescribes(new Describes(), new SalesforceClient(context, settings));
            Optional<SavingDescribes> saving = saveTo.map(saved -> new SavingDescribes(org, saved, report.instanceUrl(),
                    settings.apiVersion(), Clock.systemUTC()));
            MappingUseCheck.Result mappingCheck = MappingUseCheck.run(saving.isPresent() ? saving.get() : org, uses);
            lines.addAll(lines(mappingCheck));
            saving.ifPresent(s -> lines.addAll(lines(s)));
            usable = usable && mappingCheck.usable();
            result = "result          " + (usable ? "usable" : "NOT usable");
        }
        lines.add(result);
        lines.forEach(printer);
        return usable;
    }

    /** One summary line, then one per problem with file and line. */
    private static List<String> lines(MappingUseCheck.Result check) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("mappings        %d object use(s), %d field(s) checked against describe: %s",
                check.objects(), check.fields(),
                check.usable() ? "all exist and fit" : check.problems().size() + " problem(s)"));
        for (MappingProblem problem : check.problems()) {
            lines.add("problem         " + problem);
        }
        return lines;
    }

    private static List<String> lines(SavingDescribes saving) {
        List<String> lines = new ArrayList<>();
        int count = saving.savedObjects().size();
        if (count > 0) {
            lines.add("describes       " + count + " saved for validate in " + saving.saved().folder());
        }
        for (String failure : saving.failures()) {
            lines.add("describes       NOT saved: " + failure);
        }
        return lines;
    }
}
