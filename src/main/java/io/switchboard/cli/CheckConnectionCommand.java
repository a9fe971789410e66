package io.switchboard.cli;

import io.switchboard.config.Configuration;
import io.switchboard.config.ConnectionOptions;
import io.switchboard.config.EngineSettings;
import io.switchboard.contacts.ContactSyncFile;
import io.switchboard.mapping.MappingFiles;
import io.switchboard.mapping.Mappings;
import io.switchboard.mapping.ObjectUse;
import io.switchboard.referrals.ReferralSendFile;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.Connections;
import io.switchboard.salesforce.SalesforceComponents;
import io.switchboard.schema.ConnectionReport;
import io.switchboard.schema.SavedDescribes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
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
                the objects and fields the mapping files in config/ write on that connection exist and fit, and
                the Contact fields config/contact-sync.yaml maps and matches on.
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
        // the contact sync's Contact fields and the referral send's record fields are checked alongside the mappings
        UnaryOperator<String> environment = name -> configuration.value(name, name).orElse(null);
        List<ObjectUse> uses = new ArrayList<>(mappings.objectUses());
        uses.add(ContactSyncFile.load(console.configDir(), environment).contactUse());
        uses.add(ReferralSendFile.load(console.configDir(), environment).recordUse());
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
            return ConnectionReport.print(context, settings, uses, Optional.of(saved), console.out()::println) ? OK : NOT_OK;
        }
    }

    /** The report the demo prints: its org is the emulator's, whose describes validate must not take for the real one. */
    static boolean report(CamelContext context, ConnectionSettings settings, Mappings mappings,
                          Consumer<String> printer) {
        return ConnectionReport.print(context, settings, mappings, Optional.empty(), printer);
    }
}
