package io.switchboard.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.emulator.admin.RequestLogEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Salesforce emulator in a process of its own, driven through its admin API ({@code /__admin}), so that the
 * CPU, heap and resident memory the benchmark reports for the engine are not the emulator's too. Its own CPU is
 * read from the operating system and reported beside the engine's.
 */
final class EmulatorProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChildProcess child;

    private EmulatorProcess(ChildProcess child) {
        this.child = child;
    }

    /** Starts {@code emulator} in {@code home}; returns once its admin API answers. Its output goes to {@code log}. */
    static EmulatorProcess start(Path home, Path log) throws Exception {
        int port = ChildProcess.freePort();
        return new EmulatorProcess(ChildProcess.start(home, List.of("emulator"),
                Map.of("SF_EMULATOR_PORT", String.valueOf(port)), port, "/__admin/counters", log));
    }

    String baseUrl() {
        return child.url("");
    }

    /** Back to the seeded org with the given latency, log and counters from zero, and this daily allowance. */
    void reset(int latencyMillis, long apiAllowance) {
        call(() -> {
            child.post("/__admin/reset", "{}");
            child.post("/__admin/limits", "{\"max\": " + apiAllowance + ", \"used\": 0}");
            child.post("/__admin/latency", "{\"millis\": " + latencyMillis + "}");
            return null;
        });
    }

    void clearRequests() {
        call(() -> {
            child.delete("/__admin/requests");
            return null;
        });
    }

    /** Calls by endpoint, as the emulator counts them. */
    Map<String, Long> counters() {
        return call(() -> JSON.readValue(child.get("/__admin/counters"), new TypeReference<Map<String, Long>>() { }));
    }

    List<RequestLogEntry> requests() {
        return call(() -> JSON.readValue(child.get("/__admin/requests"), new TypeReference<List<RequestLogEntry>>() { }));
    }

    /** Inserts a record as the org's own data (no API call counted); answers its id. */
    String insertRecord(String type, Map<String, Object> fields) {
        return call(() -> JSON.readTree(child.post("/__admin/records/" + type, JSON.writeValueAsString(fields)))
                .path("id").asText());
    }

    /** CPU milliseconds the emulator's process has used so far. */
    long cpuMillis() {
        return child.cpuMillis();
    }

    private interface AdminCall<T> {
        T run() throws IOException, InterruptedException;
    }

    private static <T> T call(AdminCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator's admin API: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the emulator's admin API", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        child.close();
    }
}
