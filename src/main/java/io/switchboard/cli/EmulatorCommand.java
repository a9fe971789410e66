package io.switchboard.cli;

import io.switchboard.config.ConfigException;
import io.switchboard.config.EmulatorOptions;
import io.switchboard.config.EngineOptions;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/** Runs the local Salesforce emulator alone, for development against it from another process. */
final class EmulatorCommand implements Command {
    @Override
    public String name() {
        return "emulator";
    }

    @Override
    public String summary() {
        return "run only the local Salesforce emulator (port SF_EMULATOR_PORT, default 8443, plain HTTP)";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar target/switchboard.jar emulator

                Runs the local Salesforce emulator on 127.0.0.1:SF_EMULATOR_PORT (default 8443, plain HTTP),
                seeded with the demo org, and prints the settings that point the engine at it.
                SF_EMULATOR_SEARCH_LAG_MS sets how long new records stay out of SOSL search (default 0).
                Stop it with Ctrl-C.
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Arguments.noneExpected(args);
        EmulatorSettings settings = EmulatorSettings.fromEnvironment(console.environment());
        SalesforceEmulator emulator;
        try {
            emulator = SalesforceEmulator.start(settings);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BindException) {
                throw new ConfigException("port " + settings.port() + " is already in use: stop what listens there, "
                        + "or set " + EmulatorOptions.PORT.envName() + " to a free port");
            }
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        console.out().println("Salesforce emulator listening on " + emulator.baseUrl());
        console.out().println("Point the engine at it with (the token is new at every start; any will do):");
        SeededOrg.engineVariables(emulator.baseUrl())
                .forEach((name, value) -> console.out().println("  export " + name + "=" + value));
        console.out().println("  export " + EngineOptions.API_TOKEN.envName() + "=" + UUID.randomUUID());
        console.out().println("Admin API: " + emulator.baseUrl() + "/__admin/ (see README). Ctrl-C stops it.");
        stopped.await();
        return OK;
    }
}
