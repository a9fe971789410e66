package io.switchboard.emulator;

import io.switchboard.config.EmulatorOptions;
import java.util.function.UnaryOperator;

/**
 * How to start an emulator.
 *
 * @param port the port to listen on at 127.0.0.1; 0 for any free port
 * @param searchLagMillis how long after its insert a record becomes findable by SOSL
 * @param dailyApiLimit the org's daily API allowance
 * @param jwtCertificatePem the certificate (or RSA public key) verifying JWT bearer assertions; null for none
 */
public record EmulatorSettings(int port, long searchLagMillis, long dailyApiLimit, String jwtCertificatePem) {
    public static final int DEFAULT_PORT = EmulatorOptions.PORT.valueOf(null);
    public static final long DEFAULT_DAILY_API_LIMIT = 100_000;

    /** Port 8443, no search lag, a 100,000-request daily allowance, no JWT certificate. */
    public static EmulatorSettings defaults() {
        return new EmulatorSettings(DEFAULT_PORT, 0, DEFAULT_DAILY_API_LIMIT, null);
    }

    /** Port from {@code SF_EMULATOR_PORT} (8443), search lag from {@code SF_EMULATOR_SEARCH_LAG_MS} (0). */
    public static EmulatorSettings fromEnvironment(UnaryOperator<String> environment) {
        return new EmulatorSettings(
                EmulatorOptions.PORT.valueOf(environment.apply(EmulatorOptions.PORT.envName())),
                EmulatorOptions.SEARCH_LAG.valueOf(environment.apply(EmulatorOptions.SEARCH_LAG.envName())).toMillis(),
                DEFAULT_DAILY_API_LIMIT,
                null);
    }

    public EmulatorSettings withPort(int port) {
        return new EmulatorSettings(port, searchLagMillis, dailyApiLimit, jwtCertificatePem);
    }

    public EmulatorSettings withJwtCertificatePem(String jwtCertificatePem) {
        return new EmulatorSettings(port, searchLagMillis, dailyApiLimit, jwtCertificatePem);
    }
}
