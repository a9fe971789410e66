package io.switchboard.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a benchmark run measures, each with the defaults that match its target: the rate it drives, the emulator's
 * latency and the mix of events.
 */
enum Scenario {
    /** Accepted and durably stored events per second, with the worker off. */
    INTAKE(2000, 0, EventMix.REALISTIC),
    /** The realistic mix against a fast org, offered above the 600/s target so that a shortfall shows. */
    THROUGHPUT(700, 0, EventMix.REALISTIC),
    /** Conversations against a slow org, offered above the 400/s target: how many per second one engine completes. */
    LATENCY(450, 150, EventMix.CONVERSATIONS),
    /** Salesforce API calls per event, each type alone, caches warm. */
    CALLS(0, 0, EventMix.REALISTIC),
    /** 100,000 referral rows through bulk-update: API calls and rows/s, beside one PATCH a row. */
    BULK(0, 0, EventMix.REALISTIC),
    /** The contact sync both ways: reads of 10,000 changed Contacts, deliveries/s, Contact updates per API call. */
    CONTACTS(0, 0, EventMix.REALISTIC),
    /** 1, 2 and 3 engine processes on one PostgreSQL, each offered this rate (see {@link ClusterBenchmark}). */
    CLUSTER(60, 150, EventMix.REALISTIC),
    /** The event store alone, as the intake and the worker use it, offered the throughput target's rate and more. */
    STORE(1000, 0, EventMix.REALISTIC);

    private final int defaultRate;
    private final int defaultLatencyMillis;
    private final EventMix defaultMix;

    Scenario(int defaultRate, int defaultLatencyMillis, EventMix defaultMix) {
        this.defaultRate = defaultRate;
        this.defaultLatencyMillis = defaultLatencyMillis;
        this.defaultMix = defaultMix;
    }

    int defaultRate() {
        return defaultRate;
    }

    int defaultLatencyMillis() {
        return defaultLatencyMillis;
    }

    EventMix defaultMix() {
        return defaultMix;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scenarios a {@code --scenario} value names: one of them, or {@code all} in the order they report. */
    static Optional<List<Scenario>> named(String value) {
        if (value.equals("all")) {
            return Optional.of(List.of(CALLS, INTAKE, THROUGHPUT, LATENCY, CONTACTS));
        }
        return Arrays.stream(values()).filter(scenario -> scenario.label().equals(value)).findFirst().map(List::of);
    }

    static String labels() {
        return "all, " + Arrays.stream(values()).map(Scenario::label).collect(Collectors.joining(", "));
    }
}
