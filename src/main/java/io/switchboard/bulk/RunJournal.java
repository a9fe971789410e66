package io.switchboard.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a run has done to the org, kept beside its results file ({@code OUT.csv.journal}) so that a run killed or
 * interrupted can be resumed without writing any row twice. It is a file of its own, not the engine's event store:
 * bulk-update runs beside a running engine, whose embedded store one process holds, and the journal belongs with the
 * file it describes. Each entry is one JSON line, forced to disk before the run goes on:
 * <ul>
 *   <li>{@code sending}: the lines of a call about to go; lines sent and never answered are in doubt, and the next
 *       run reads their records back before sending them again;</li>
 *   <li>{@code results}: what Salesforce answered for each line;</li>
 *   <li>{@code job} and {@code settled}: a Bulk API job opened for lines, and the moment its results are all here; a
 *       job never settled is found again by its id, awaited or aborted, and read, never opened twice.</li>
 * </ul>
 * The first line names the input by its SHA-256, so a journal is never applied to another version of the file. A
 * last line cut short by a kill was never forced, so it is dropped; what it would have said is covered by the entry
 * before it.
 */
final class RunJournal implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A Bulk API job a run opened and did not settle: its id and the lines it carries. */
    record OpenJob(String id, List<Integer> lines) {
    }

    /** What a journal is of: the input's content and the target it writes. */
    record Identity(String inputSha256, String target) {
    }

    /** The journal belongs to another version of the file, or another target. */
    static final class MismatchException extends IOException {
        MismatchException(String message) {
            super(message);
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final Map<Integer, RowResult> results;
    private final Set<Integer> inDoubt;
    private final Map<String, OpenJob> openJobs;

    private RunJournal(Path file, FileChannel channel, Map<Integer, RowResult> results, Set<Integer> inDoubt,
                       Map<String, OpenJob> openJobs) {
        this.file = file;
        this.channel = channel;
        this.results = results;
        this.inDoubt = inDoubt;
        this.openJobs = openJobs;
    }

    /** The journal of the results file {@code results}. */
    static Path besides(Path results) {
        return results.resolveSibling(results.getFileName() + ".journal");
    }

    /**
     * Opens the journal, reading what earlier runs of the same input did, or starts one.
     *
     * @throws MismatchException when the journal there was written for other content or another target
     */
    static RunJournal open(Path file, Identity identity) throws IOException {
        Map<Integer, RowResult> results = new HashMap<>();
        Set<Integer> inDoubt = new LinkedHashSet<>();
        Map<String, OpenJob> openJobs = new LinkedHashMap<>();
        boolean existing = Files.exists(file) && Files.size(file) > 0;
        if (existing) {
            read(file, identity, results, inDoubt, openJobs);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        RunJournal journal = new RunJournal(file, channel, results, inDoubt, openJobs);
        if (!existing) {
            ObjectNode header = JSON.createObjectNode();
            header.put("journal", "bulk-update");
            header.put("inputSha256", identity.inputSha256());
            header.put("target", identity.target());
            journal.append(header);
        }
        return journal;
    }

    Path file() {
        return file;
    }

    /** The last outcome each line had in earlier runs. */
    Map<Integer, RowResult> results() {
        return Map.copyOf(results);
    }

    /** Lines sent by an earlier run whose answer never arrived: they may or may not have been written. */
    Set<Integer> inDoubt() {
        return Set.copyOf(inDoubt);
    }

    List<OpenJob> openJobs() {
        return List.copyOf(openJobs.values());
    }

    /** Before a call: its rows are about to be sent. */
    void sending(List<PreparedRow> rows) throws IOException {
        ObjectNode entry = JSON.createObjectNode();
        ArrayNode lines = entry.putArray("sending");
        rows.forEach(row -> lines.add(row.line()));
        append(entry);
        rows.forEach(row -> inDoubt.add(row.line()));
    }

    /** After a call, or after reading a job's results: each line's outcome. */
    void recorded(List<RowResult> answered) throws IOException {
        if (answered.isEmpty()) {
            return;
        }
        ObjectNode entry = JSON.createObjectNode();
        ArrayNode rows = entry.putArray("results");
        for (RowResult result : answered) {
            rows.addArray().add(result.line()).add(result.key()).add(result.salesforceId())
                    .add(result.outcome().label()).add(result.errorCode()).add(result.message());
        }
        append(entry);
        answered.forEach(result -> {
            results.put(result.line(), result);
            inDoubt.remove(result.line());
        });
    }

    /** A Bulk API job was opened for these rows, before any of them is uploaded. */
    void jobOpened(String id, List<PreparedRow> rows) throws IOException {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("job", id);
        ArrayNode lines = entry.putArray("lines");
        rows.forEach(row -> lines.add(row.line()));
        append(entry);
        openJobs.put(id, new OpenJob(id, rows.stream().map(PreparedRow::line).toList()));
    }

    /** Every result of the job is recorded: it is not looked for again. */
    void jobSettled(String id) throws IOException {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("settled", id);
        append(entry);
        openJobs.remove(id);
    }

    private void append(JsonNode entry) throws IOException {
        byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        // on disk before the call it announces goes, or before the run counts the answer as kept
        channel.force(false);
    }

    private static void read(Path file, Identity identity, Map<Integer, RowResult> results, Set<Integer> inDoubt,
                             Map<String, OpenJob> openJobs) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<JsonNode> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            try {
                entries.add(JSON.readTree(lines.get(i)));
            } catch (IOException torn) {
                if (i < lines.size() - 1) {
                    throw new MismatchException(file + ":" + (i + 1) + ": not a journal entry; the journal is damaged");
                }
            }
        }
        JsonNode header = entries.isEmpty() ? JSON.createObjectNode() : entries.get(0);
        if (!"bulk-update".equals(header.path("journal").asText())) {
            throw new MismatchException(file + " is not a bulk-update journal");
        }
        if (!identity.inputSha256().equals(header.path("inputSha256").asText())
                || !identity.target().equals(header.path("target").asText())) {
            throw new MismatchException(file + " is the journal of another version of this file or another target ("
                    + header.path("target").asText() + "); remove it to start over, or give another --results");
        }
        for (JsonNode entry : entries.subList(1, entries.size())) {
            if (entry.has("sending")) {
                entry.get("sending").forEach(line -> inDoubt.add(line.asInt()));
            } else if (entry.has("results")) {
                for (JsonNode row : entry.get("results")) {
                    RowResult result = new RowResult(row.get(0).asInt(), row.get(1).asText(), row.get(2).asText(),
                            Outcome.valueOf(row.get(3).asText().toUpperCase(Locale.ROOT)),
                            row.get(4).asText(), row.get(5).asText());
                    results.put(result.line(), result);
                    inDoubt.remove(result.line());
                }
            } else if (entry.has("job")) {
                List<Integer> jobLines = new ArrayList<>();
                entry.get("lines").forEach(line -> jobLines.add(line.asInt()));
                openJobs.put(entry.get("job").asText(), new OpenJob(entry.get("job").asText(), jobLines));
            } else if (entry.has("settled")) {
                openJobs.remove(entry.get("settled").asText());
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
