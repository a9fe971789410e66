package io.switchboard.limits;

import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Declares a second connection, {@code second}, in a project copy, pointing at another emulator, and a call trigger
 * that sends calls in the queue {@value #QUEUE} to it, as an operator with two orgs would.
 */
final class SecondOrg {
    static final String QUEUE = "Second";

    private SecondOrg() {
    }

    /** Edits the copy's config/ and answers the environment variables that carry the second org's secrets. */
    static Map<String, String> declare(Path home, SalesforceEmulator second) throws IOException {
        Files.writeString(home.resolve("config/connections.properties"), """
                switchboard.connection.second.login-url = %s
                switchboard.connection.second.client-id = %s
                switchboard.connection.second.client-secret = {{env:SECOND_SF_CLIENT_SECRET}}
                switchboard.connection.second.username = %s
                switchboard.connection.second.password = {{env:SECOND_SF_PASSWORD}}
                switchboard.connection.second.security-token = {{env:SECOND_SF_SECURITY_TOKEN}}
                """.formatted(second.baseUrl(), SeededOrg.CLIENT_ID, SeededOrg.USERNAME));
        Path calls = home.resolve("config/call.yaml");
        Files.writeString(calls, Files.readString(calls).replaceFirst("triggers:\n", """
                triggers:
                  - name: second-org
                    active: ON
                    when:
                      queue: %s
                    connection: second
                    configuration: inbound-call

                """.formatted(QUEUE)));
        return Map.of("SECOND_SF_CLIENT_SECRET", SeededOrg.CLIENT_SECRET, "SECOND_SF_PASSWORD", SeededOrg.PASSWORD,
                "SECOND_SF_SECURITY_TOKEN", SeededOrg.SECURITY_TOKEN);
    }
}
