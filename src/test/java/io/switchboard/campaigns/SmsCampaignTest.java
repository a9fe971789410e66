package io.switchboard.campaigns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.config.Secret;
import io.switchboard.contacts.SourcePlatformStub;
import io.switchboard.emulator.admin.EmulatorAdmin;
import io.switchboard.engine.EngineAgainstEmulator;
import io.switchboard.outbound.OutboundSignature;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Salesforce → contact centre over real HTTP: {@code POST /campaigns/{id}/send} reads the emulated org's Campaign
 * members page by page and hands them, signed, in batches to a stand-in of the platform.
 */
public class SmsCampaignTest {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final String SECRET = "campaign-secret-81f0";
    private static final SourcePlatformStub PLATFORM = SourcePlatformStub.start("/sms/campaigns");
    private static final AtomicInteger NAMES = new AtomicInteger();

    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject().withSettings(Map.of(
            "SWITCHBOARD_SMS_CAMPAIGN_URL", PLATFORM.url(),
            "SWITCHBOARD_CONTACT_SYNC_SECRET", SECRET,
            "SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "20",
            "SWITCHBOARD_RETRY_MAX_DELAY_MS", "100"));

    @AfterAll
    static void stopPlatform() {
        PLATFORM.close();
    }

    @BeforeEach
    void forgetBatches() {
        PLATFORM.clear();
    }

    /** A campaign of {@code withPhone} Contacts with a Phone, {@code leads} Leads with only a MobilePhone, and
     * {@code withoutPhone} Contacts with neither. */
    public static Campaign campaign(EmulatorAdmin admin, int withPhone, int leads, int withoutPhone) {
        int n = NAMES.incrementAndGet();
        String campaignId = admin.insertRecord("Campaign", Map.of("Name", "Winter promo " + n,
                "Type", "SMS"));
        Campaign campaign = new Campaign(campaignId, new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < withPhone + leads + withoutPhone; i++) {
            Map<String, Object> person = new HashMap<>();
            person.put("LastName", "Member" + n + "x" + i);
            String type = i >= withPhone && i < withPhone + leads ? "Lead" : "Contact";
            if (type.equals("Lead")) {
                person.put("Company", "Rossi Srl");
                person.put("MobilePhone", "+39 347 " + String.format("%07d", n * 10_000 + i));
            } else if (i < withPhone) {
                person.put("Phone", "+39 06 " + String.format("%07d", n * 10_000 + i));
            }
            String personId = admin.insertRecord(type, person);
            admin.insertRecord("CampaignMember", Map.of("CampaignId", campaignId,
                    type + "Id", personId));
            (i >= withPhone + leads ? campaign.withoutPhone() : campaign.withPhone()).add(personId);
        }
        return campaign;
    }

    public record Campaign(String id, List<String> withPhone, List<String> withoutPhone) {
    }

    static HttpResponse<String> send(EngineAgainstEmulator rig, String campaignId, String body) throws Exception {
        return rig.engine().send(rig.engine().request("/campaigns/" + campaignId + "/send")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static JsonNode awaitEnded(EngineAgainstEmulator rig, String eventId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode event = null;
        while (Instant.now().isBefore(deadline)) {
            event = JSON.readTree(rig.engine().get("/events/" + eventId).body());
            if (List.of("done", "failed").contains(event.path("status").asText())) {
                return event;
            }
            Thread.sleep(50);
        }
        return fail("the event did not end within 60 s: " + event);
    }

    private static long calls(String method, String pathContains) {
        return rig.emulator().admin().requests().stream()
                .filter(entry -> entry.method().equals(method) && entry.path().contains(pathContains)).count();
    }

    @Test
    void shouldHandEveryMemberWithAPhoneOverOnceInSignedBatchesReadingTheMembersInTwoPages() throws Exception {
        Campaign campaign = campaign(rig.emulator().admin(), 2_400, 50, 50);
        rig.emulator().admin().clearRequests();

        HttpResponse<String> answer = send(rig, campaign.id(), "{\"message\":\"Our winter offer: 20% off\","
                + "\"senderId\":\"Switchboard\"}");

        assertEquals(202, answer.statusCode(), answer.body());
        JsonNode event = awaitEnded(rig, JSON.readTree(answer.body()).path("eventId").asText());
        assertEquals("done", event.path("status").asText(), event.toString());
        assertEquals("sms-campaign", event.path("type").asText());
        JsonNode progress = event.path("progress");
        assertEquals(2_450, progress.path("recipients").asInt(), progress.toString());
        assertEquals(2_450, progress.path("handedOver").asInt());
        assertEquals(50, progress.path("skipped").asInt());
        Set<String> skipped = new HashSet<>();
        progress.path("skippedMembers").forEach(member -> skipped.add(member.path("salesforceId").asText()));
        assertEquals(Set.copyOf(campaign.withoutPhone()), skipped);
        assertEquals("Contact has no Phone or MobilePhone", progress.path("skippedMembers").path(0).path("reason").asText());

        List<SourcePlatformStub.Received> batches = PLATFORM.received();
        assertEquals(13, batches.size(), "2,450 recipients in batches of 200");
        List<String> handedOver = new ArrayList<>();
        for (SourcePlatformStub.Received batch : batches) {
            assertEquals("sha256=" + OutboundSignature.hex(Secret.ofNullable(SECRET), batch.body()), batch.signature());
            JsonNode body = JSON.readTree(batch.body());
            assertEquals(campaign.id(), body.path("campaignId").asText());
            assertEquals("Our winter offer: 20% off", body.path("message").asText());
            assertEquals("Switchboard", body.path("senderId").asText());
            assertTrue(body.path("recipients").size() <= 200, batch.body());
            body.path("recipients").forEach(recipient -> handedOver.add(recipient.path("salesforceId").asText()));
        }
        assertEquals(Set.copyOf(campaign.withPhone()), Set.copyOf(handedOver));
        assertEquals(2_450, handedOver.size(), "each member handed over exactly once");
        assertEquals(13, batches.stream().map(SourcePlatformStub.Received::idempotencyKey).distinct().count());
        JsonNode lead = JSON.readTree(batches.get(12).body()).path("recipients").findValues("phone").stream()
                .filter(phone -> phone.asText().startsWith("+39 347")).findFirst().orElse(null);
        assertTrue(lead != null || handedOver.stream().anyMatch(id -> id.startsWith("00Q")), "Leads get their MobilePhone");
        // 2,500 members in two pages (2,000, then nextRecordsUrl), besides the one look for the Campaign itself
        long queries = calls("GET", "/query");
        assertTrue(queries <= 3, queries + " query calls");
        assertTrue(calls("GET", "/query/") >= 1, "the second page through nextRecordsUrl");
    }

    @Test
    void shouldSendABatchAgainWithTheSameKeyWhenThePlatformCannotTakeItNow() throws Exception {
        Campaign campaign = campaign(rig.emulator().admin(), 3, 1, 1);
        PLATFORM.failNext(1, 503);

        HttpResponse<String> answer = send(rig, campaign.id(), "{\"message\":\"Hello\",\"senderId\":\"+3906123\"}");

        JsonNode event = awaitEnded(rig, JSON.readTree(answer.body()).path("eventId").asText());
        assertEquals("done", event.path("status").asText(), event.toString());
        List<SourcePlatformStub.Received> posts = PLATFORM.received();
        assertEquals(List.of(503, 200), posts.stream().map(SourcePlatformStub.Received::answered).toList());
        assertEquals(posts.get(0).idempotencyKey(), posts.get(1).idempotencyKey());
        assertEquals(posts.get(0).body(), posts.get(1).body());
        assertEquals(4, event.path("progress").path("handedOver").asInt());
        assertEquals(1, event.path("progress").path("skipped").asInt());
        assertTrue(event.path("warnings").toString().contains("1 member(s) skipped"), event.toString());
    }

    @Test
    void shouldAnswerTheSameEventForTheSameAskPostedTwice() throws Exception {
        Campaign campaign = campaign(rig.emulator().admin(), 1, 0, 0);
        String body = "{\"message\":\"Twice\",\"senderId\":\"Switchboard\"}";

        HttpResponse<String> first = send(rig, campaign.id(), body);
        HttpResponse<String> again = send(rig, campaign.id(), body);

        assertEquals(202, first.statusCode());
        assertEquals(200, again.statusCode(), again.body());
        assertEquals(JSON.readTree(first.body()).path("eventId"), JSON.readTree(again.body()).path("eventId"));
        awaitEnded(rig, JSON.readTree(first.body()).path("eventId").asText());
        assertEquals(1, PLATFORM.received().size());
    }

    @Test
    void shouldRefuseABadAskNamingEachFieldAndStoreNothing() throws Exception {
        long before = rig.engine().store().count();

        HttpResponse<String> badId = send(rig, "701'OR'1", "{\"message\":\"Hi\",\"senderId\":\"S\"}");
        HttpResponse<String> missing = send(rig, "701000000000001AAA", "{\"senderId\":\"" + "S".repeat(65) + "\"}");
        HttpResponse<String> inBody = send(rig, "701000000000001AAA",
                "{\"message\":\"Hi\",\"senderId\":\"S\",\"campaignId\":\"701000000000002AAA\"}");
        HttpResponse<String> notJson = send(rig, "701000000000001AAA", "message=Hi");

        assertEquals(400, badId.statusCode(), badId.body());
        assertTrue(badId.body().contains("\"field\":\"campaignId\""), badId.body());
        assertEquals(400, missing.statusCode(), missing.body());
        assertTrue(missing.body().contains("\"field\":\"message\""), missing.body());
        assertTrue(missing.body().contains("\"field\":\"senderId\"") && missing.body().contains("64"), missing.body());
        assertEquals(400, inBody.statusCode(), inBody.body());
        assertTrue(inBody.body().contains("comes from the path"), inBody.body());
        assertEquals(400, notJson.statusCode(), notJson.body());
        assertEquals(before, rig.engine().store().count());
    }

    @Test
    void shouldFailNamingTheCampaignWhenSalesforceHasNone() throws Exception {
        HttpResponse<String> answer = send(rig, "701000000009999AAA", "{\"message\":\"Hi\",\"senderId\":\"S\"}");

        JsonNode event = awaitEnded(rig, JSON.readTree(answer.body()).path("eventId").asText());

        assertEquals("failed", event.path("status").asText(), event.toString());
        assertTrue(event.path("error").path("message").asText().contains("no Campaign 701000000009999AAA"),
                event.toString());
        assertEquals(0, PLATFORM.received().size());
    }

    @Test
    void shouldFailWithThePlatformsReasonWhenItRefusesABatch() throws Exception {
        Campaign campaign = campaign(rig.emulator().admin(), 2, 0, 0);
        PLATFORM.failNext(1, 422);

        HttpResponse<String> answer = send(rig, campaign.id(), "{\"message\":\"Refused\",\"senderId\":\"S\"}");

        JsonNode event = awaitEnded(rig, JSON.readTree(answer.body()).path("eventId").asText());
        assertEquals("failed", event.path("status").asText(), event.toString());
        assertTrue(event.path("error").path("message").asText().contains("422"), event.toString());
        assertEquals(1, PLATFORM.received().size(), "a refusal is not retried");
        assertEquals(0, event.path("progress").path("handedOver").asInt(), event.toString());
        Set<String> ids = campaign.withPhone().stream().collect(Collectors.toSet());
        assertEquals(2, ids.size());
    }
}
