package io.switchboard.cli;

import io.switchboard.config.Configuration;
import io.switchboard.salesforce.ConnectionCheck;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.Connections;
import io.switchboard.salesforce.SalesforceComponents;
import java.util.List;
import java.util.Map;
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
                the org id, user, API version, daily API usage and whether the user may set audit fields.
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
        String name = args.isEmpty() ? "default" : args.get(0);
        ConnectionSettings settings = connections.get(name);
        if (settings == null) {
            throw new UsageException("unknown connection '" + name + "'; configured: " + String.join(", ", connections.keySet()));
        }
        ConnectionCheck.Report report = check(settings);
        report.lines().forEach(console.out()::println);
        return report.usable() ? OK : NOT_OK;
    }

    static ConnectionCheck.Report check(ConnectionSettings settings) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addComponent(settings.componentName(), SalesforceComponents.create(settings));
            context.start();
            return new ConnectionCheck(context, settings).run();
        }
    }
}
