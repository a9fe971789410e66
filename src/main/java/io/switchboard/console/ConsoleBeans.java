package io.switchboard.console;

import io.switchboard.config.ConnectionOptions;
import io.switchboard.config.Secret;
import io.switchboard.mapping.LiveMappings;
import io.switchboard.openapi.DescribeApi;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.schema.ConnectionReport;
import io.switchboard.store.EventStore;
import io.switchboard.store.LiveNodes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.SalesforceComponent;

/** Registers what {@code routes/console.camel.yaml} names: the console's sign-in, pages, files, and the API description. */
public final class ConsoleBeans {
    private ConsoleBeans() {
    }

    /** version: the engine's, which the API description gives; nodes: the ones health lists too. */
    public static void bind(BiConsumer<String, Object> registry, String version, Secret apiToken, EventStore store,
                            SalesforceClients clients, LiveMappings mappings, LiveNodes nodes) {
        Clock clock = Clock.systemUTC();
        ApiUsageHistory history = new ApiUsageHistory(clients, clock);
        registry.accept("consoleAuth", new ConsoleAuth(apiToken, new ConsoleSessions(clock), new LoginThrottle(clock)));
        registry.accept("consoleEvents", new ConsoleEvents(store, context -> instanceUrl(context, clients)));
        registry.accept("consoleConnections", new ConsoleConnections(clients, history,
                (context, connection) -> checkConnection(context, connection, mappings), clock));
        registry.accept("consoleApiUsage", history);
        registry.accept("consoleContacts", new ConsoleContacts(store.contactLinks()));
        registry.accept("consoleNodes", new ConsoleNodes(nodes));
        registry.accept("consoleAssets", new ConsoleAssets());
        registry.accept("answerConsoleFailure", new AnswerConsoleFailure());
        registry.accept("describeApi", new DescribeApi(version));
    }

    /** The org the records link into: the default connection's, once it has logged in. */
    private static Optional<String> instanceUrl(CamelContext context, SalesforceClients clients) {
        ConnectionSettings connection = clients.settings().get(ConnectionOptions.DEFAULT);
        if (connection == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(context.getComponent(connection.componentName(), SalesforceComponent.class))
                .map(component -> component.getSession().getInstanceUrl());
    }

    private static List<String> checkConnection(CamelContext context, ConnectionSettings connection,
                                                LiveMappings mappings) {
        List<String> lines = new ArrayList<>();
        // the console only looks: the describes it reads are not saved for validate
        ConnectionReport.print(context, connection, mappings.get(), Optional.empty(), lines::add);
        return lines;
    }
}
