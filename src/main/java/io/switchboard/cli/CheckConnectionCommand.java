package io.switchboard.cli;

import io.switchboard.config.Configuration;
import io.switchboard.config.ConnectionOptions;
import io.switchboard.mapping.Describes;
import io.switchboard.mapping.LiveDescribes;
import io.switchboard.mapping.MappingFiles;
import io.switchboard.mapping.MappingProblem;
import io.switchboard.mapping.MappingUseCheck;
import io.switchboard.mapping.Mappings;
import io.switchboard.salesforce.ConnectionCheck;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.Connections;
import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.salesforce.SalesforceComponents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** Logs in to one configured connection and prints what the engine needs to know about that org. */
final class CheckConnectionCommand implements Command {
    @Override
    public String name() {
        return "check-connection";
    }

    @Override
    public String summary() {
        return "log in to a Salesforce connection and report org, API usage and audit-field permission";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar target/switchboard.jar check-connection [NAME]

                Logs in to the connection NAME (default: 'default', configured by the SF_* variables) and prints
                the org id, user, API version, daily API usage, whether the user may set audit fields, and whether
                the objects and fields the mapping files in config/ write on that connection exist and fit.
                A failed login says which host, which flow and the likely cause. Exits 0 only when all is usable.
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments.noOptions(args);
        if (args.size() > 1) {
            throw new UsageException("expects at most one connection name");
        }
        Logging.quiet();
        Map<String, ConnectionSettings> connections =
                Connections.load(Configuration.load(console.configDir(), console.environment()));
        Mappings mappings = MappingFiles.load(console.configDir(), connections.keySet());
        String name = args.isEmpty() ? ConnectionOptions.DEFAULT : args.get(0);
        ConnectionSettings settings = connections.get(name);
        if (settings == null) {
            throw new UsageException("unknown connection '" + name + "'; configured: " + String.join(", ", connections.keySet()));
        }
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addComponent(settings.componentName(), SalesforceComponents.create(settings));
            context.start();
            return report(context, settings, mappings, console.out()::println) ? OK : NOT_OK;
        }
    }

    /** Prints the connection report and, once logged in, the check of the mappings on it; true when all is usable. */
    static boolean report(CamelContext context, ConnectionSettings settings, Mappings mappings,
                          Consumer<String> printer) {
        ConnectionCheck.Report report = new ConnectionCheck(context, settings).run();
        List<String> lines = new ArrayList<>(report.lines());
        String result = lines.remove(lines.size() - 1);
        boolean usable = report.usable();
        if (report.orgId() != null) {
            MappingUseCheck.Result mappingCheck = MappingUseCheck.run(
                    new LiveDescribes(new Describes(), new SalesforceClient(context, settings)), mappings);
            lines.addAll(lines(mappingCheck));
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
}
