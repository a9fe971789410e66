package io.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.salesforce.SalesforceApiException;
import io.switchboard.salesforce.SalesforceClient;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Posts the sample events of {@code config/samples/} to a running engine over HTTP, exactly as a source platform
 * would, waits for each to finish, and prints what it produced in Salesforce, read back from the org.
 */
final class DemoSamples {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields worth showing a newcomer for each kind of record the routes produce. */
    private static final Map<String, List<String>> SHOWN_FIELDS = Map.of(
            "Contact", List.of("Name", "Phone"),
            "Case", List.of("CaseNumber", "Subject", "Origin", "Status", "ContactId", "OwnerId"),
            "CaseComment", List.of("CreatedDate", "CreatedById", "CommentBody"),
            "Task", List.of("Subject", "Status", "CallType", "CallObject", "WhoId", "OwnerId"),
            "ContentVersion", List.of("Title", "ContentDocumentId"),
            "Referral__c", List.of("Name", "Status__c", "Receiving_Firm__c"),
            "casexchange__CX_Intake__c", List.of("casexchange__CX_Case_Id__c", "casexchange__Status__c",
                    "casexchange__Client_Last_Name__c"));

    private final DemoApi api;
    private final SalesforceClient salesforce;
    private final PrintStream out;

    DemoSamples(DemoApi api, SalesforceClient salesforce, PrintStream out) {
        this.api = api;
        this.salesforce = salesforce;
        this.out = out;
    }

    /** Sample files are named {@code <type>--<label>.json}; answers true when every sample ended done or skipped. */
    boolean sendAll(Path samplesDir) throws IOException, InterruptedException {
        if (!Files.isDirectory(samplesDir)) {
            out.println("   (no " + samplesDir + " folder: nothing to send)");
            return true;
        }
        List<Path> samples;
        try (Stream<Path> files = Files.list(samplesDir)) {
            samples = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        boolean allWell = true;
        for (Path sample : samples) {
            allWell &= send(sample);
        }
        return allWell;
    }

    private boolean send(Path sample) throws IOException, InterruptedException {
        String name = sample.getFileName().toString();
        String type = name.contains("--") ? name.substring(0, name.indexOf("--")) : name.replace(".json", "");
        HttpResponse<String> accepted = api.post("/events/" + type, HttpRequest.BodyPublishers.ofFile(sample));
        out.println("   POST /events/" + type + "  (" + name + ")  -> " + accepted.statusCode() + " " + accepted.body());
        if (accepted.statusCode() != 202 && accepted.statusCode() != 200) {
            return false;
        }
        JsonNode event = api.awaitEnd(JSON.readTree(accepted.body()).path("eventId").asText());
        out.println("     status " + event.path("status").asText() + " after " + event.path("attempts").asInt()
                + " attempt(s)" + reason(event));
        for (JsonNode warning : event.path("warnings")) {
            out.println("     warning: " + warning.asText());
        }
        for (JsonNode record : event.path("records")) {
            out.println("     " + record.path("action").asText() + " " + record.path("sobject").asText() + " "
                    + record.path("id").asText() + shown(record));
        }
        String status = event.path("status").asText();
        return status.equals("done") || status.equals("skipped");
    }

    private static String reason(JsonNode event) {
        if (event.hasNonNull("error") && event.path("error").has("code")) {
            return ": " + event.path("error").path("code").asText() + " " + event.path("error").path("message").asText();
        }
        return "";
    }

    /** The record's telling fields, read from the org itself, so the demo shows what Salesforce holds. */
    private String shown(JsonNode record) {
        List<String> fields = SHOWN_FIELDS.get(record.path("sobject").asText());
        if (fields == null) {
            return "";
        }
        try {
            JsonNode stored = salesforce.get(record.path("sobject").asText(), record.path("id").asText(), fields);
            StringBuilder text = new StringBuilder();
            for (String field : fields) {
                String value = stored.path(field).isNull() ? "null" : stored.path(field).asText();
                text.append("\n         ").append(field).append(": ").append(abbreviate(value));
            }
            return text.toString();
        } catch (SalesforceApiException e) {
            return " (cannot be read back: " + e.errorCode() + ")";
        }
    }

    private static String abbreviate(String value) {
        String oneLine = value.replace("\n", " / ");
        return oneLine.length() > 90 ? oneLine.substring(0, 87) + "..." : oneLine;
    }
}
