package io.switchboard.emulator;

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
}
