package io.switchboard.emulator;

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
    public static final int DEFAULT_PORT = 8443;
    public static final long DEFAULT_DAILY_API_LIMIT = 100_000;

    /** Port 8443, no search lag, a 100,000-request daily allowance, no JWT certificate. */
    public static EmulatorSettings defaults() {
        return new EmulatorSettings(DEFAULT_PORT, 0, DEFAULT_DAILY_API_LIMIT, null);
    }

    /** Port from {@code SF_EMULATOR_PORT} (8443), search lag from {@code SF_EMULATOR_SEARCH_LAG_MS} (0). */
    public static EmulatorSettings fromEnvironment(UnaryOperator<String> environment) {
        return new EmulatorSettings(
                (int) number(environment, "SF_EMULATOR_PORT", DEFAULT_PORT),
                number(environment, "SF_EMULATOR_SEARCH_LAG_MS", 0),
                DEFAULT_DAILY_API_LIMIT,
                null);
    }

    public EmulatorSettings withPort(int port) {
        return new EmulatorSettings(port, searchLagMillis, dailyApiLimit, jwtCertificatePem);
    }

    public EmulatorSettings withSearchLagMillis(long searchLagMillis) {
        return new EmulatorSettings(port, searchLagMillis, dailyApiLimit, jwtCertificatePem);
    }

    public EmulatorSettings withDailyApiLimit(long dailyApiLimit) {
        return new EmulatorSettings(port, searchLagMillis, dailyApiLimit, jwtCertificatePem);
    }

    public EmulatorSettings withJwtCertificatePem(String jwtCertificatePem) {
        return new EmulatorSettings(port, searchLagMillis, dailyApiLimit, jwtCertificatePem);
    }

    private static long number(UnaryOperator<String> environment, String name, long fallback) {
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was: " + value, e);
        }
    }
}
