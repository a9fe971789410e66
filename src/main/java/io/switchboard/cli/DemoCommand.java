package io.switchboard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.config.Configuration;
import io.switchboard.config.Secret;
import io.switchboard.config.ConnectionOptions;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.Engine;
import io.switchboard.mapping.MappingFiles;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.standins.CaseXchangeStandIn;
import io.switchboard.standins.SmsPlatformStandIn;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.camel.ProducerTemplate;

/**
 * Shows a newcomer the whole product on a machine with no Salesforce account: starts the emulator, starts the
 * engine against it with the real routes and config, and prints what the engine did and saw.
 */
final class DemoCommand implements Command {
    private static final List<String> SUMMARY_OBJECTS = List.of("User", "Account", "Contact", "Lead", "Case", "Task",
            "Referral__c", "casexchange__CX_Intake__c", "Campaign", "CampaignMember");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CONSOLE_OPTION = "--console";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "start the built-in Salesforce emulator and the engine against it, show what the engine does";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar target/switchboard.jar demo [--console]

                Needs no Salesforce account: starts the local Salesforce emulator on a free port, starts the engine
                against it with the routes in routes/ and the settings in config/ (the SF_* variables are ignored
                so the demo never touches a real org), posts every sample event in config/samples/ over HTTP, prints
                what each produced in Salesforce, sends a referral to a local Case Xchange stand-in and a small SMS
                campaign to a local stand-in of the contact centre, and exits 0 when every sample ended done or
                skipped and both sends came back into the org.

                --console  leaves the engine and the emulator running afterwards, so that the operator console
                           (/console) shows the demo's events; Ctrl-C stops both. The engine listens on
                           SWITCHBOARD_PORT when set (else a free port) and takes SWITCHBOARD_API_TOKEN when set
                           (else a new token, written to a file only you may read, whose path is printed).
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        boolean keepRunning = args.equals(List.of(CONSOLE_OPTION));
        if (!keepRunning) {
            Arguments.noneExpected(args);
        }
        Logging.quiet();
        PrintStream out = console.out();
        Path dataDir = Files.createTempDirectory("switchboard-demo");
        DemoConsole.Stop stop = keepRunning ? DemoConsole.onStop() : null;
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0))) {
            out.println("== 1. Local Salesforce emulator");
            out.println("   listening on " + emulator.baseUrl() + ", seeded with the demo org (README, \"The local "
                    + "Salesforce emulator\"):");
            Map<String, Long> seeded = printSeededRecords(emulator, out);
            String chosenPort = console.environment().apply("SWITCHBOARD_PORT");
            int port = keepRunning && chosenPort != null && !chosenPort.isBlank() ? DemoConsole.port(chosenPort)
                    : freePort();
            String chosenToken = console.environment().apply("SWITCHBOARD_API_TOKEN");
            boolean ownToken = keepRunning && chosenToken != null && !chosenToken.isBlank();
            String token = ownToken ? chosenToken : UUID.randomUUID().toString();
            Secret platformSecret = Secret.ofNullable(UUID.randomUUID().toString());
            try (CaseXchangeStandIn caseXchange = new CaseXchangeStandIn();
                 SmsPlatformStandIn smsPlatform = new SmsPlatformStandIn(platformSecret, "http://127.0.0.1:" + port, token)) {
                UnaryOperator<String> environment = demoEnvironment(emulator, port, dataDir, token,
                        standIns(caseXchange, smsPlatform, platformSecret), console.environment());
                try (Engine engine = Engine.start(Configuration.load(console.configDir(), environment))) {
                    out.println("== 2. Engine");
                    out.println("   HTTP on port " + port + ", " + engine.camelContext().getRoutes().size()
                            + " route(s) loaded from routes/, connections: "
                            + String.join(", ", engine.connections().keySet()));
                    ConnectionSettings connection = engine.connections().get(ConnectionOptions.DEFAULT);
                    out.println("== 3. Connection 'default', checked through camel-salesforce");
                    boolean usable = CheckConnectionCommand.report(engine.camelContext(), connection,
                            MappingFiles.load(console.configDir(), engine.connections().keySet()),
                            line -> out.println("   " + line));
                    out.println("== 4. Sample events from config/samples/, posted over HTTP like a source platform "
                            + "would");
                    SalesforceClient client = engine.salesforceClients()
                            .forConnection(engine.camelContext(), ConnectionOptions.DEFAULT);
                    DemoApi api = new DemoApi(port, token);
                    usable &= new DemoSamples(api, client, out).sendAll(console.configDir().resolve("samples"));
                    out.println("== 5. From Salesforce to the other platforms (local stand-ins of Case Xchange and "
                            + "of the contact centre's SMS endpoint)");
                    usable &= new DemoSends(emulator, smsPlatform, api, out).run();
                    out.println("== 6. What the org holds now, counted through camel-salesforce (change since the "
                            + "seed)");
                    printRecordCounts(engine, connection, seeded, out);
                    out.println("== Done. The emulator's request log: " + emulator.admin().requests().size()
                            + " requests, API usage " + emulator.admin().apiUsed() + " of " + emulator.admin().apiMax()
                            + ".");
                    printWhatToTryNext(out);
                    if (keepRunning) {
                        printConsole(out, port, ownToken ? null : DemoConsole.writeToken(dataDir, token));
                        stop.await();
                    }
                    return usable ? OK : NOT_OK;
                }
            }
        } finally {
            if (stop != null) {
                stop.closed();
            }
        }
    }

    /** The stand-ins' settings: the referral send and SMS campaigns on, pointed at them, checked every second. */
    private static Map<String, String> standIns(CaseXchangeStandIn caseXchange, SmsPlatformStandIn smsPlatform,
                                                Secret platformSecret) {
        return Map.of("SWITCHBOARD_CASEXCHANGE_URL", caseXchange.apiUrl(),
                "SWITCHBOARD_CASEXCHANGE_CLIENT_ID", CaseXchangeStandIn.CLIENT_ID,
                "SWITCHBOARD_CASEXCHANGE_CLIENT_SECRET", CaseXchangeStandIn.CLIENT_SECRET,
                "SWITCHBOARD_REFERRAL_SEND_INTERVAL_SECONDS", "1",
                "SWITCHBOARD_SMS_CAMPAIGN_URL", smsPlatform.url(),
                "SWITCHBOARD_CONTACT_SYNC_SECRET", platformSecret.reveal());
    }

    /** The seed, read from the emulator itself: what the samples find (the caller's Contact, the agent's User). */
    private static Map<String, Long> printSeededRecords(SalesforceEmulator emulator, PrintStream out) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String sobject : SUMMARY_OBJECTS) {
            List<Map<String, Object>> records = emulator.admin().records(sobject);
            counts.put(sobject, (long) records.size());
            String names = records.stream().map(DemoCommand::label).filter(label -> !label.isEmpty()).limit(4)
                    .collect(Collectors.joining(", "));
            out.printf("   %-28s %d%s%n", sobject, records.size(), names.isEmpty() ? "" : "  (" + names
                    + (records.size() > 4 ? ", ..." : "") + ")");
        }
        return counts;
    }

    private static String label(Map<String, Object> record) {
        Object name = record.containsKey("Username") ? record.get("Username") : record.get("Name");
        Object phone = record.get("Phone");
        return (name == null ? "" : name.toString()) + (phone == null ? "" : " " + phone);
    }

    private static void printRecordCounts(Engine engine, ConnectionSettings connection, Map<String, Long> seeded,
                                          PrintStream out) throws IOException {
        try (ProducerTemplate template = engine.camelContext().createProducerTemplate()) {
            for (String sobject : SUMMARY_OBJECTS) {
                String answer = template.requestBody(connection.componentName() + ":query?sObjectQuery=SELECT COUNT() FROM "
                        + sobject, null, String.class);
                long now = JSON.readTree(answer).path("totalSize").asLong();
                long change = now - seeded.getOrDefault(sobject, 0L);
                out.printf("   %-28s %d%s%n", sobject, now, change == 0 ? "" : String.format(" (%+d)", change));
            }
        }
    }

    /** Where the console is and how to sign in; the token itself is not printed, only where to find it. */
    private static void printConsole(PrintStream out, int port, Path tokenFile) {
        out.println("== Console: the engine and the emulator keep running; Ctrl-C stops both.");
        out.println("   Open http://localhost:" + port + "/console and sign in with "
                + (tokenFile == null ? "your SWITCHBOARD_API_TOKEN." : "the token in " + tokenFile + " (readable only by you)."));
        out.println("   The API: http://localhost:" + port + "/console/api (Swagger UI), http://localhost:" + port
                + "/openapi.json");
        out.flush();
    }

    private static void printWhatToTryNext(PrintStream out) {
        out.println("""
                == What to try next
                   Run the engine yourself against the emulator: README, "Run the engine against the emulator".
                     java -jar target/switchboard.jar emulator      # prints the export lines for the engine
                     java -jar target/switchboard.jar run           # in a second terminal, after those exports
                   Post an event:  curl -H "Authorization: Bearer $SWITCHBOARD_API_TOKEN" \\
                     -H 'Content-Type: application/json' --data @config/samples/call--inbound-answered.json \\
                     http://localhost:8080/events/call
                   Change how calls are written in config/call.yaml (README, "Calls"), or add a step to
                   routes/call.camel.yaml (README, "Routes"): the running engine applies either when saved.
                   Check every edit first:  java -jar target/switchboard.jar validate
                   Event formats: GET /events/{type}/schema; operations API: README, "Operations".""");
    }

    /**
     * The demo's own settings win over the caller's environment for everything that would point the engine
     * elsewhere: every SF_* variable, the port, the data folder and the token.
     */
    private static UnaryOperator<String> demoEnvironment(SalesforceEmulator emulator, int port, Path dataDir,
                                                         String token, Map<String, String> standIns,
                                                         UnaryOperator<String> environment) {
        Map<String, String> demo = SeededOrg.engineVariables(emulator.baseUrl());
        demo.putAll(standIns);
        demo.put("SWITCHBOARD_PORT", String.valueOf(port));
        demo.put("SWITCHBOARD_DATA_DIR", dataDir.toString());
        demo.put("SWITCHBOARD_DB_URL", "");
        demo.put("SWITCHBOARD_API_TOKEN", token);
        return name -> name.startsWith("SF_") || demo.containsKey(name) ? demo.get(name) : environment.apply(name);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
