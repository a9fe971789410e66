package io.switchboard.bench;

import io.switchboard.bulk.BulkRun;
import io.switchboard.bulk.BulkUpdate;
import io.switchboard.config.Configuration;
import io.switchboard.config.ConnectionOptions;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.Connections;
import io.switchboard.salesforce.SalesforceComponents;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The {@code bulk} scenario: a file of 100,000 referral status changes through {@code bulk-update referral-status}
 * against a fresh emulator, end to end (reading and checking the file, the login and describe, the Bulk API job,
 * its results read back and the results file written), counting the API calls the org saw. Beside it the naive way,
 * one camel-salesforce {@code updateSObject} PATCH per row, measured on a sample of the same rows, since 100,000 such
 * calls would take the benchmark minutes to say what the sample already says: one call a row.
 */
final class MeasureBulkUpdate {
    static final int ROWS = 100_000;
    static final int NAIVE_SAMPLE = 2_000;
    private static final int CALLS_TARGET = 60;
    private static final int RATE_TARGET = 5_000;
    private static final String[] STATUSES = {"Accepted", "Rejected", "Signed Up", "Under Evaluation"};

    /** One run: the bulk update's time and calls, and the naive sample's. */
    record Figures(double seconds, long calls, double naiveSeconds, long naiveCalls) {
        double rowsPerSecond() {
            return ROWS / seconds;
        }

        double naiveRowsPerSecond() {
            return NAIVE_SAMPLE / naiveSeconds;
        }
    }

    private MeasureBulkUpdate() {
    }

    static void run(Path home, BenchOptions options, PrintStream out) throws Exception {
        out.printf("%n== bulk: %,d referral rows through bulk-update referral-status (one Bulk API 2.0 job), beside "
                + "one PATCH per row measured on %,d of them%n", ROWS, NAIVE_SAMPLE);
        List<Figures> runs = new ArrayList<>();
        for (int run = 1; run <= options.runs(); run++) {
            Figures figures = once(home);
            runs.add(figures);
            out.printf("  run %d: %,d rows in %.2f s = %,.0f rows/s, %d API calls; naive: %,d rows in %.2f s = %,.0f "
                            + "rows/s, %,d API calls%n", run, ROWS, figures.seconds(), figures.rowsPerSecond(),
                    figures.calls(), NAIVE_SAMPLE, figures.naiveSeconds(), figures.naiveRowsPerSecond(),
                    figures.naiveCalls());
            out.flush();
        }
        double rate = median(runs, Figures::rowsPerSecond);
        double calls = median(runs, Figures::calls);
        double naiveRate = median(runs, Figures::naiveRowsPerSecond);
        double naivePerRow = median(runs, figures -> (double) figures.naiveCalls() / NAIVE_SAMPLE);
        out.printf("  %-34s %14s %22s %8s  (median of %d runs)%n", "", "bulk-update", "naive, 1 PATCH a row", "target",
                runs.size());
        out.printf("  %-34s %,14.0f %,22.0f %8s%n", "rows/s end to end", rate, naiveRate, "≥ " + RATE_TARGET);
        out.printf("  %-34s %,14.0f %,22.0f %8s%n", "API calls for " + String.format("%,d", ROWS) + " rows", calls,
                naivePerRow * ROWS, "≤ " + CALLS_TARGET);
        out.printf("  (the naive calls are %.2f a row measured on %,d rows, times %,d)%n", naivePerRow, NAIVE_SAMPLE,
                ROWS);
        out.flush();
    }

    private static Figures once(Path home) throws Exception {
        Path folder = Files.createTempDirectory("switchboard-bench-bulk");
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0))) {
            emulator.admin().apiLimit(1_000_000_000L, 0);
            Map<String, String> environment = SeededOrg.connectionVariables(emulator.baseUrl());
            environment.put("SWITCHBOARD_DATA_DIR", folder.resolve("data").toString());
            List<String> ids = new ArrayList<>(ROWS);
            StringBuilder csv = new StringBuilder("salesforceRecordId,status,receivingFirm,cxId,referenceNumber\n");
            for (int row = 0; row < ROWS; row++) {
                String id = emulator.admin().insertRecord("Referral__c", Map.of("Name", "R-" + row, "Status__c", "Pending"));
                ids.add(id);
                csv.append(id).append(',').append(STATUSES[row % STATUSES.length]).append(",\"Conti, Rossi & Partners ")
                        .append(row % 97).append("\",CX-").append(row).append(",REF-").append(row).append('\n');
            }
            Path file = folder.resolve("referrals.csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);

            long before = emulator.admin().apiUsed();
            long started = System.nanoTime();
            BulkUpdate.Verdict verdict = BulkRun.run(new BulkRun.Request("referral-status", file,
                            ConnectionOptions.DEFAULT, null, false, false, folder.resolve("results.csv"), 2000),
                    home.resolve("config"), environment::get, new BulkRun.Terminal(quiet, quiet, false));
            double seconds = (System.nanoTime() - started) / 1e9;
            long calls = emulator.admin().apiUsed() - before;
            if (verdict != BulkUpdate.Verdict.ALL_SUCCEEDED) {
                throw new IllegalStateException("the bulk update did not write every row: " + verdict);
            }
            return naive(home, environment, emulator, ids.subList(0, NAIVE_SAMPLE), seconds, calls);
        } finally {
            BenchRig.deleteTree(folder);
        }
    }

    /** One camel-salesforce updateSObject per row, one after the other, as an integration without batching makes them. */
    private static Figures naive(Path home, Map<String, String> environment, SalesforceEmulator emulator,
                                 List<String> sample, double seconds, long calls) throws Exception {
        ConnectionSettings settings = Connections.load(Configuration.load(home.resolve("config"), environment::get))
                .get(ConnectionOptions.DEFAULT);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addComponent(settings.componentName(), SalesforceComponents.create(settings));
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            String uri = settings.componentName() + ":updateSObject";
            // the login and the endpoint's start, before the clock
            template.requestBodyAndHeaders(uri, "{\"Status__c\":\"Closed\"}", Map.of(SalesforceEndpointConfig.SOBJECT_NAME,
                    "Referral__c", SalesforceEndpointConfig.SOBJECT_ID, sample.get(0)), String.class);
            long before = emulator.admin().apiUsed();
            long started = System.nanoTime();
            for (int row = 0; row < sample.size(); row++) {
                String body = "{\"Status__c\":\"" + STATUSES[(row + 1) % STATUSES.length]
                        + "\",\"Receiving_Firm__c\":\"Conti, Rossi & Partners " + row % 97 + "\"}";
                template.requestBodyAndHeaders(uri, body, Map.of(SalesforceEndpointConfig.SOBJECT_NAME, "Referral__c",
                        SalesforceEndpointConfig.SOBJECT_ID, sample.get(row)), String.class);
            }
            double naiveSeconds = (System.nanoTime() - started) / 1e9;
            return new Figures(seconds, calls, naiveSeconds, emulator.admin().apiUsed() - before);
        }
    }

    private static double median(List<Figures> runs, ToDoubleFunction<Figures> figure) {
        double[] sorted = runs.stream().mapToDouble(figure).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
