package io.switchboard.emulator;

import io.switchboard.emulator.EmulatorClient.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One emulator per test class on a free port, reset to the seeded org and logged in before each test. */
public abstract class EmulatorFixture {
    protected static SalesforceEmulator emulator;
    protected EmulatorClient client;

    @BeforeAll
    static void startEmulator() {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetAndLogIn() {
        emulator.admin().reset();
        client = new EmulatorClient(emulator).login();
    }

    /** How many records of that type the org stores, asked through the HTTP admin API. */
    protected int stored(String type) {
        Answer answer = client.raw("GET", "/__admin/records/" + type, null, null);
        if (answer.status() != 200) {
            throw new IllegalStateException("admin could not list " + type + ": " + answer.response().body());
        }
        return answer.json().size();
    }

    /** The USED part of an answer's {@code Sforce-Limit-Info: api-usage=USED/MAX}. */
    protected static long apiUsage(Answer answer) {
        String header = answer.header("Sforce-Limit-Info");
        return Long.parseLong(header.substring("api-usage=".length(), header.indexOf('/')));
    }

    /** JSON written with single quotes, to keep request bodies readable. */
    protected static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
