package io.switchboard.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.standins.SmsPlatformStandIn;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What starts in Salesforce, against the stand-ins of the other platforms: a referral marked to be sent to Case
 * Xchange, as a Salesforce user ticks it, and a small SMS campaign sent to its members, whose delivery results the
 * contact centre's stand-in reports back. Prints what came back into the org.
 */
final class DemoSends {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final SalesforceEmulator emulator;
    private final SmsPlatformStandIn platform;
    private final DemoApi api;
    private final PrintStream out;

    DemoSends(SalesforceEmulator emulator, SmsPlatformStandIn platform, DemoApi api, PrintStream out) {
        this.emulator = emulator;
        this.platform = platform;
        this.api = api;
        this.out = out;
    }

    /** Answers true when the referral was written back and every campaign member got its result. */
    boolean run() throws IOException, InterruptedException {
        return referral() & campaign();
    }

    private boolean referral() throws InterruptedException {
        String id = emulator.admin().insertRecord("Referral__c", Map.of("Name", "REF-DEMO-1",
                "Receiving_Firm__c", "Rossi Legal"));
        emulator.admin().updateRecordAs(SeededOrg.AGENT_EMAIL, "Referral__c", id, Map.of("Send_To_Case_Xchange__c", true));
        out.println("   Referral REF-DEMO-1 (" + id + ") marked Send_To_Case_Xchange__c by " + SeededOrg.AGENT_EMAIL);
        Optional<Map<String, Object>> sent = await(() -> record("Referral__c", id)
                .filter(record -> record.get("CX_Id__c") != null));
        if (sent.isEmpty()) {
            out.println("   ! not sent within " + WAIT.toSeconds() + " s: GET /events?status=failed says why");
            return false;
        }
        out.println("   sent to the Case Xchange stand-in by the referral-send job; written back: CX_Id__c "
                + sent.get().get("CX_Id__c") + ", CX_Reference_Number__c " + sent.get().get("CX_Reference_Number__c")
                + ", Status__c " + sent.get().get("Status__c"));
        return true;
    }

    private boolean campaign() throws IOException, InterruptedException {
        String campaignId = emulator.admin().insertRecord("Campaign", Map.of("Name", "Demo winter SMS", "Type", "SMS"));
        String noPhone = emulator.admin().insertRecord("Lead", Map.of("LastName", "Nophone", "Company", "Demo Srl"));
        for (Map<String, Object> member : List.of(Map.<String, Object>of("ContactId", SeededOrg.MARIA_CONTI_ID),
                Map.<String, Object>of("ContactId", SeededOrg.LUCA_BIANCHI_ID), Map.<String, Object>of("LeadId", noPhone))) {
            emulator.admin().insertRecord("CampaignMember", Map.of("CampaignId", campaignId, member.keySet().iterator()
                    .next(), member.values().iterator().next()));
        }
        out.println("   Campaign 'Demo winter SMS' (" + campaignId + "): Maria Conti, Luca Bianchi and a Lead without "
                + "a phone; POST /campaigns/" + campaignId + "/send");
        HttpResponse<String> asked = api.post("/campaigns/" + campaignId + "/send", HttpRequest.BodyPublishers.ofString(
                "{\"message\":\"Our winter offer is on: reply YES for a call\",\"senderId\":\"Switchboard\"}"));
        out.println("   -> " + asked.statusCode() + " " + asked.body());
        if (asked.statusCode() != 202) {
            return false;
        }
        JsonNode handed = api.awaitEnd(JSON.readTree(asked.body()).path("eventId").asText());
        if (!handed.path("status").asText().equals("done")) {
            out.println("   ! the campaign did not end done: " + handed);
            return false;
        }
        JsonNode progress = handed.path("progress");
        out.println("   handed over: recipients " + progress.path("recipients") + ", handedOver "
                + progress.path("handedOver") + ", skipped " + progress.path("skipped") + " ("
                + progress.path("skippedMembers").path(0).path("reason").asText() + ")");
        Optional<List<Map<String, Object>>> members = await(() -> Optional.of(members(campaignId))
                .filter(all -> all.stream().filter(member -> member.get("LeadId") == null)
                        .allMatch(member -> List.of("Delivered", "Responded").contains(member.get("Status")))));
        if (members.isEmpty()) {
            out.println("   ! the delivery results were not all written within " + WAIT.toSeconds() + " s");
            return false;
        }
        out.println("   the stand-in reported " + platform.reported() + " results (POST /events/sms-delivery); "
                + "CampaignMember Status now:");
        for (Map<String, Object> member : members.get()) {
            Object person = member.get("ContactId") != null ? member.get("ContactId") : member.get("LeadId");
            out.println("     " + person + "  " + member.get("Status") + (person.equals(noPhone)
                    ? "  (skipped, no phone: Sent is Salesforce's default status of a new member)" : ""));
        }
        emulator.admin().records("Task").stream().filter(task -> SmsPlatformStandIn.REPLY.equals(task.get("Description")))
                .forEach(task -> out.println("   reply Task " + task.get("Id") + " on " + task.get("WhoId") + ": '"
                        + task.get("Subject") + "', " + task.get("Status")));
        return true;
    }

    private Optional<Map<String, Object>> record(String sobject, String id) {
        return emulator.admin().records(sobject).stream().filter(record -> id.equals(record.get("Id"))).findFirst();
    }

    private List<Map<String, Object>> members(String campaignId) {
        return emulator.admin().records("CampaignMember").stream()
                .filter(member -> campaignId.equals(member.get("CampaignId"))).toList();
    }

    private static <T> Optional<T> await(Supplier<Optional<T>> check) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found = check.get();
            if (found.isPresent()) {
                return found;
            }
            Thread.sleep(100);
        }
        return Optional.empty();
    }
}
