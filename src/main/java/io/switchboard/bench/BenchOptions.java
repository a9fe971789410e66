package io.switchboard.bench;

import io.switchboard.config.EngineOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The benchmark command's options. Rate, latency and mix are optional: given, they apply to every scenario run;
 * left out, each scenario uses its own default (see {@link Scenario}).
 */
public record BenchOptions(List<Scenario> scenarios, OptionalInt rate, Duration duration, OptionalInt latencyMillis,
                    EventMix mix, int runs, int concurrency, Map<String, String> engineSettings) {
    /** An engine setting's name as the engine reads it from its environment. */
    private static final Pattern SETTING_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,99}");

    static final int DEFAULT_DURATION_SECONDS = 60;
    static final int DEFAULT_RUNS = 3;
    /** The engine's own default ceiling, so that the benchmark measures the engine as it ships. */
    static final int DEFAULT_CONCURRENCY = Integer.parseInt(EngineOptions.WORKER_CONCURRENCY.defaultValue());

    /** @throws IllegalArgumentException naming the option and what it takes */
    public static BenchOptions parse(List<String> args) {
        List<Scenario> scenarios = Scenario.named("all").orElseThrow();
        OptionalInt rate = OptionalInt.empty();
        OptionalInt latency = OptionalInt.empty();
        EventMix mix = null;
        int duration = DEFAULT_DURATION_SECONDS;
        int runs = DEFAULT_RUNS;
        int concurrency = DEFAULT_CONCURRENCY;
        Map<String, String> engineSettings = new LinkedHashMap<>();
        Iterator<String> rest = new ArrayList<>(args).iterator();
        while (rest.hasNext()) {
            String option = rest.next();
            switch (option) {
                case "--scenario" -> {
                    String value = value(option, rest);
                    scenarios = Scenario.named(value).orElseThrow(() -> new IllegalArgumentException(
                            "--scenario must be one of " + Scenario.labels() + ", got '" + value + "'"));
                }
                case "--rate" -> rate = OptionalInt.of(number(option, value(option, rest), 1, 100_000));
                case "--duration" -> duration = number(option, value(option, rest), 1, 3600);
                case "--latency-ms" -> latency = OptionalInt.of(number(option, value(option, rest), 0, 60_000));
                case "--mix" -> mix = EventMix.parse(value(option, rest));
                case "--runs" -> runs = number(option, value(option, rest), 1, 100);
                case "--concurrency" -> concurrency = number(option, value(option, rest), 1, 256);
                case "--engine-env" -> setting(value(option, rest), engineSettings);
                default -> throw new IllegalArgumentException((option.startsWith("-") ? "unknown option '" : "unexpected argument '")
                        + option + "'");
            }
        }
        return new BenchOptions(scenarios, rate, Duration.ofSeconds(duration), latency, mix, runs, concurrency,
                Map.copyOf(engineSettings));
    }

    /** Reads {@code NAME=VALUE}: a setting the engine under measurement gets in its environment, after the others. */
    private static void setting(String value, Map<String, String> settings) {
        int equals = value.indexOf('=');
        String name = equals < 0 ? value : value.substring(0, equals);
        if (equals < 0 || !SETTING_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--engine-env must be NAME=VALUE with NAME in capitals, digits and _ "
                    + "(such as SWITCHBOARD_WORKER_CONCURRENCY=16), got '" + name + (equals < 0 ? "'" : "=...'"));
        }
        settings.put(name, value.substring(equals + 1));
    }

    int rateOf(Scenario scenario) {
        return rate.orElse(scenario.defaultRate());
    }

    int latencyOf(Scenario scenario) {
        return latencyMillis.orElse(scenario.defaultLatencyMillis());
    }

    EventMix mixOf(Scenario scenario) {
        return mix != null ? mix : scenario.defaultMix();
    }

    private static String value(String option, Iterator<String> rest) {
        if (!rest.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return rest.next();
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw new IllegalArgumentException(option + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
    }
}
