package io.switchboard.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;

/**
 * The benchmark command's options. Rate, latency and mix are optional: given, they apply to every scenario run;
 * left out, each scenario uses its own default (see {@link Scenario}).
 */
public record BenchOptions(List<Scenario> scenarios, OptionalInt rate, Duration duration, OptionalInt latencyMillis,
                    EventMix mix, int runs, int concurrency) {
    static final int DEFAULT_DURATION_SECONDS = 60;
    static final int DEFAULT_RUNS = 3;
    static final int DEFAULT_CONCURRENCY = 32;

    /** @throws IllegalArgumentException naming the option and what it takes */
    public static BenchOptions parse(List<String> args) {
        List<Scenario> scenarios = Scenario.named("all").orElseThrow();
        OptionalInt rate = OptionalInt.empty();
        OptionalInt latency = OptionalInt.empty();
        EventMix mix = null;
        int duration = DEFAULT_DURATION_SECONDS;
        int runs = DEFAULT_RUNS;
        int concurrency = DEFAULT_CONCURRENCY;
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
                default -> throw new IllegalArgumentException((option.startsWith("-") ? "unknown option '" : "unexpected argument '")
                        + option + "'");
            }
        }
        return new BenchOptions(scenarios, rate, Duration.ofSeconds(duration), latency, mix, runs, concurrency);
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
