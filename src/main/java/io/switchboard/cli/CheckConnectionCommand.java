package io.switchboard.cli;

import io.switchboard.config.Configuration;
import io.switchboard.config.ConnectionOptions;
import io.switchboard.config.EngineSettings;
import io.switchboard.mapping.DescribeSource;
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
import io.switchboard.schema.SavedDescribes;
import io.switchboard.schema.SavingDescribes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/** Logs in to one configured connection and prints what the engine needs to know about that org. */
public final class CheckConnectionCommand implements Command {
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
                The describes it reads are saved under SWITCHBOARD_DATA_DIR/describes/NAME/ (no token, no
                credential), and validate checks the mappings against them from then on, offline.
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
        Configuration configuration = Configuration.load(console.configDir(), console.environment());
        Map<String, ConnectionSettings> connections = Connections.load(configuration);
        Mappings mappings = MappingFiles.load(console.configDir(), connections.keySet());
        String name = args.isEmpty() ? ConnectionOptions.DEFAULT : args.get(0);
        ConnectionSettings settings = connections.get(name);
        if (settings == null) {
            throw new UsageException("unknown connection '" + name + "'; configured: " + String.join(", ", connections.keySet()));
        }
        Path dataDir = console.home().resolve(EngineSettings.from(configuration).dataDir());
        SavedDescribes saved = new SavedDescribes(dataDir, name);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addComponent(settings.componentName(), SalesforceComponents.create(settings));
            context.start();
            return report(context, settings, mappings, Optional.of(saved), console.out()::println) ? OK : NOT_OK;
        }
    }

    /**
     * The report the demo prints and the console's "check connection" button shows, saving no describe: the demo's org
     * is the emulator's, which validate must not take for the real one, and the console only looks.
     */
    public static boolean report(CamelContext context, ConnectionSettings settings, Mappings mappings,
                          Consumer<String> printer) {
        return report(context, settings, mappings, Optional.empty(), printer);
    }

    /**
     * Prints the connection report and, once logged in, the check of the mappings on it, saving the describes it
     * reads when given where; true when all is usable. A describe that cannot be saved is reported, but leaves the
     * connection usable: it only keeps validate from checking offline.
     */
    private static boolean report(CamelContext context, ConnectionSettings settings, Mappings mappings,
                                  Optional<SavedDescribes> saveTo, Consumer<String> printer) {
        ConnectionCheck.Report report = new ConnectionCheck(context, settings).run();
        List<String> lines = new ArrayList<>(report.lines());
        String result = lines.remove(lines.size() - 1);
        boolean usable = report.usable();
        if (report.orgId() != null) {
            DescribeSource org = new LiveDescribes(new Describes(), new SalesforceClient(context, settings));
            Optional<SavingDescribes> saving = saveTo.map(saved -> new SavingDescribes(org, saved, report.instanceUrl(),
                    settings.apiVersion(), Clock.systemUTC()));
            MappingUseCheck.Result mappingCheck = MappingUseCheck.run(saving.isPresent() ? saving.get() : org, mappings);
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
