package io.switchboard.testing;

import io.switchboard.config.Configuration;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.admin.EmulatorAdmin;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.Connections;
import io.switchboard.salesforce.SalesforceClient;
import io.switchboard.salesforce.SalesforceComponents;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;

/** A running emulator and a SalesforceClient on the default connection, through the real camel-salesforce component. */
public final class EmulatedOrg implements AutoCloseable {
    private final SalesforceEmulator emulator;
    private final DefaultCamelContext context;
    private final SalesforceClient client;

    public EmulatedOrg() {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        Map<String, String> env = Map.of("SF_LOGIN_URL", emulator.baseUrl(), "SF_CLIENT_ID", SeededOrg.CLIENT_ID,
                "SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET);
        ConnectionSettings settings = Connections.load(Configuration.load(Path.of("config"), env::get)).get("default");
        context = new DefaultCamelContext();
        context.addComponent(settings.componentName(), SalesforceComponents.create(settings));
        context.start();
        client = new SalesforceClient(context, settings);
    }

    public SalesforceClient client() {
        return client;
    }

    public EmulatorAdmin admin() {
        return emulator.admin();
    }

    /** How many requests reached one endpoint since the last reset, such as {@code GET /query}. */
    public long calls(String endpoint) {
        return emulator.admin().counters().getOrDefault(endpoint, 0L);
    }

    @Override
    public void close() throws Exception {
        context.close();
        emulator.close();
    }
}
