package io.switchboard.bulk;

import io.switchboard.config.Configuration;
import io.switchboard.mapping.Describes;
import io.switchboard.mapping.MappingFiles;
import io.switchboard.mapping.ReferralMapping;
import io.switchboard.mapping.SObjectDescription;
import io.switchboard.salesforce.ApiPauseSettings;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.Connections;
import io.switchboard.salesforce.LoginSettings;
import io.switchboard.salesforce.SalesforceCallGuard;
import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.salesforce.SalesforceComponents;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One {@code bulk-update} from its arguments to its verdict: the file read, the connection's camel-salesforce
 * component started behind the engine's call guard (so the run's calls count towards the org's API pause as the
 * engine's do), the target described, every row checked, and the rows sent.
 */
public final class BulkRun {
    /** What to update, from where, and how. */
    public record Request(String target, Path file, String connection, String key, boolean dryRun, boolean skipInvalid,
                          Path results, int bulkThreshold) {
    }

    /**
     * Where the run prints; {@code live} for a terminal, where progress is a bar redrawn in place.
     */
    public record Terminal(PrintStream out, PrintStream err, boolean live) {
    }

    /** The request names a connection, object or key the configuration or the org does not have. */
    public static final class RefusedRequest extends RuntimeException {
        RefusedRequest(String message) {
            super(message);
        }
    }

    private static final int RESULTS_BYTES = 512 * 1024 * 1024;

    private BulkRun() {
    }

    public static BulkUpdate.Verdict run(Request request, Path configDir, UnaryOperator<String> environment,
                                         Terminal terminal) throws Exception {
        InputFile input;
        try {
            input = InputFile.read(request.file());
        } catch (BulkInputException e) {
            e.problems().forEach(problem -> terminal.err().println(problem));
            terminal.err().println(request.file() + ": not readable as rows; nothing sent");
            return BulkUpdate.Verdict.INPUT_REFUSED;
        }
        Configuration configuration = Configuration.load(configDir, environment);
        Map<String, ConnectionSettings> connections = Connections.load(configuration);
        ConnectionSettings settings = connections.get(request.connection());
        if (settings == null) {
            throw new RefusedRequest("unknown connection '" + request.connection() + "'; configured: "
                    + String.join(", ", connections.keySet()));
        }
        ReferralMapping referral = request.target().equals(ReferralStatusTarget.NAME)
                ? MappingFiles.load(configDir, connections.keySet()).referral() : null;
        SalesforceClients clients = new SalesforceClients(Map.of(settings.name(), settings),
                ApiPauseSettings.from(configuration), LoginSettings.from(configuration), () -> { });
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            // as in the engine: every call of the run is watched for the org's API usage and its pause share
            SalesforceCallGuard.install(context, clients);
            SalesforceComponent component = SalesforceComponents.createForGatedLogin(settings);
            // a Bulk API job's results come back whole, about 120 bytes a row: room for a few million rows
            component.setHttpMaxContentLength(RESULTS_BYTES);
            context.addComponent(settings.componentName(), component);
            context.start();
            SalesforceClient client = clients.forConnection(context, settings.name());
            PrintStream out = terminal.out();
            Consumer<String> say = terminal.live() ? message -> out.print("\r\u001b[K" + message + "\n") : out::println;
            Writers writers = Writers.of(context, client, say);
            writers.admit();
            BulkTarget target = target(request, referral, client, out::println);
            BulkPlan plan = BulkPlan.check(input, target);
            BulkUpdate.ProgressView view = terminal.live()
                    ? BulkUpdate.ProgressView.bar(out::print, System::nanoTime)
                    : BulkUpdate.ProgressView.lines(out::println, System::nanoTime);
            return new BulkUpdate(out::println, terminal.err()::println, view).run(plan, target,
                    new BulkUpdate.Options(request.dryRun(), request.skipInvalid(), request.results(),
                            request.bulkThreshold()), writers);
        }
    }

    private static BulkTarget target(Request request, ReferralMapping referral, SalesforceClient client,
                                     Consumer<String> warn) {
        String sobject = referral != null ? referral.object() : request.target();
        SObjectDescription described = new Describes().describe(client, sobject).orElseThrow(() -> new RefusedRequest(
                "the org of connection '" + client.connection().name() + "' has no object " + sobject));
        if (referral != null) {
            return new ReferralStatusTarget(referral, described, warn);
        }
        try {
            return SObjectTarget.of(described, request.key());
        } catch (IllegalArgumentException e) {
            throw new RefusedRequest(e.getMessage());
        }
    }
}
