package io.switchboard.campaigns;

import static io.switchboard.campaigns.SmsCampaignTest.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.admin.FaultKind;
import io.switchboard.emulator.admin.FaultRule;
import io.switchboard.engine.EngineAgainstEmulator;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Contact centre → Salesforce over real HTTP: delivery results posted to {@code POST /events/sms-delivery} set the
 * emulated org's CampaignMember statuses, written 200 a call, and a reply becomes a Task on the person.
 */
class SmsDeliveryTest {
    private static final Instant SENT_AT = Instant.parse("2026-12-02T09:00:00Z");

    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject().withSettings(Map.of(
            "SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "20",
            "SWITCHBOARD_RETRY_MAX_DELAY_MS", "100"));

    private static String result(String campaignId, String personId, String status, Instant at, String text) {
        ObjectNode event = JSON.createObjectNode().put("source", "cinnox").put("campaignId", campaignId)
                .put("salesforceId", personId).put("phone", "+39 06 1234567").put("status", status)
                .put("at", at.toString());
        if (text != null) {
            event.put("text", text);
        }
        return event.toString();
    }

    private static String post(String json) throws Exception {
        HttpResponse<String> answer = rig.engine().postEvent("sms-delivery", json);
        assertEquals(202, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body()).path("eventId").asText();
    }

    private static JsonNode awaitEnded(String eventId) throws Exception {
        return SmsCampaignTest.awaitEnded(rig, eventId);
    }

    private static Map<String, Object> memberOf(String campaignId, String personId) {
        return rig.emulator().admin().records("CampaignMember").stream()
                .filter(member -> campaignId.equals(member.get("CampaignId"))
                        && (personId.equals(member.get("ContactId")) || personId.equals(member.get("LeadId"))))
                .findFirst().orElseGet(() -> fail("no member " + personId));
    }

    private static long collectionCalls(String method) {
        return rig.emulator().admin().requests().stream()
                .filter(entry -> entry.method().equals(method) && entry.path().endsWith("/composite/sobjects")).count();
    }

    @Test
    void shouldSetEachMembersStatusNeverBackAndMakeAReplyATaskOnThePerson() throws Exception {
        SmsCampaignTest.Campaign campaign = SmsCampaignTest.campaign(rig.emulator().admin(), 3, 1, 0);
        List<String> people = campaign.withPhone();
        rig.emulator().admin().clearRequests();

        List<String> events = new ArrayList<>();
        for (String person : people) {
            events.add(post(result(campaign.id(), person, "sent", SENT_AT, null)));
        }
        events.add(post(result(campaign.id(), people.get(0), "delivered", SENT_AT.plusSeconds(5), null)));
        events.add(post(result(campaign.id(), people.get(1), "failed", SENT_AT.plusSeconds(6), null)));
        events.add(post(result(campaign.id(), people.get(3), "replied", SENT_AT.plusSeconds(60), "STOP please")));
        // a late "sent" after the reply moves nothing back
        events.add(post(result(campaign.id(), people.get(3), "sent", SENT_AT.plusSeconds(1), null)));

        List<JsonNode> ended = new ArrayList<>();
        for (String event : events) {
            ended.add(awaitEnded(event));
        }
        ended.forEach(event -> assertEquals("done", event.path("status").asText(), event.toString()));
        assertEquals("Delivered", memberOf(campaign.id(), people.get(0)).get("Status"));
        assertEquals("Failed", memberOf(campaign.id(), people.get(1)).get("Status"));
        assertEquals("Sent", memberOf(campaign.id(), people.get(2)).get("Status"));
        assertEquals("Responded", memberOf(campaign.id(), people.get(3)).get("Status"));
        List<Map<String, Object>> tasks = rig.emulator().admin().records("Task").stream()
                .filter(task -> people.get(3).equals(task.get("WhoId"))).toList();
        assertEquals(1, tasks.size(), tasks.toString());
        assertEquals("STOP please", tasks.get(0).get("Description"));
        assertEquals("Completed", tasks.get(0).get("Status"));
        JsonNode reply = ended.get(6);
        assertTrue(reply.path("records").toString().contains("\"sobject\":\"Task\""), reply.toString());
        assertTrue(ended.get(7).path("warnings").toString().contains("Responded, further than sent"), ended.get(7).toString());
        assertTrue(collectionCalls("PATCH") <= 2, collectionCalls("PATCH") + " status update calls for 7 results");
    }

    @Test
    void shouldFailAResultForSomeoneWhoIsNotAMemberNamingThemAndWriteTheOthers() throws Exception {
        SmsCampaignTest.Campaign campaign = SmsCampaignTest.campaign(rig.emulator().admin(), 1, 0, 0);
        SmsCampaignTest.Campaign other = SmsCampaignTest.campaign(rig.emulator().admin(), 1, 0, 0);

        String stranger = post(result(campaign.id(), other.withPhone().get(0), "delivered", SENT_AT, null));
        String member = post(result(campaign.id(), campaign.withPhone().get(0), "delivered", SENT_AT, null));

        JsonNode refused = awaitEnded(stranger);
        assertEquals("failed", refused.path("status").asText(), refused.toString());
        assertTrue(refused.path("error").path("message").asText().contains("is not a member of Campaign " + campaign.id()),
                refused.toString());
        assertEquals("done", awaitEnded(member).path("status").asText());
        assertEquals("Delivered", memberOf(campaign.id(), campaign.withPhone().get(0)).get("Status"));
    }

    @AfterEach
    void clearFaults() {
        rig.emulator().admin().clearFaults();
    }

    @Test
    void shouldWriteEveryResultOnceSalesforceIsBackWhenItWasUnavailable() throws Exception {
        SmsCampaignTest.Campaign campaign = SmsCampaignTest.campaign(rig.emulator().admin(), 2, 0, 0);
        rig.emulator().admin().addFault(FaultRule.times(FaultKind.SERVER_UNAVAILABLE, 3)
                .on("PATCH", "/composite/sobjects"));

        String first = post(result(campaign.id(), campaign.withPhone().get(0), "delivered", SENT_AT, null));
        String second = post(result(campaign.id(), campaign.withPhone().get(1), "failed", SENT_AT, null));

        assertEquals("done", awaitEnded(first).path("status").asText());
        assertEquals("done", awaitEnded(second).path("status").asText());
        assertEquals("Delivered", memberOf(campaign.id(), campaign.withPhone().get(0)).get("Status"));
        assertEquals("Failed", memberOf(campaign.id(), campaign.withPhone().get(1)).get("Status"));
    }

    @Test
    void shouldNotWriteAReplyTaskTwiceWhenSalesforcesAnswerToItWasLost() throws Exception {
        SmsCampaignTest.Campaign campaign = SmsCampaignTest.campaign(rig.emulator().admin(), 1, 0, 0);
        String person = campaign.withPhone().get(0);
        rig.emulator().admin().addFault(FaultRule.times(FaultKind.DROP_AFTER_WRITE, 1).on("POST", "/composite/sobjects"));

        String reply = post(result(campaign.id(), person, "replied", SENT_AT, "Call me tomorrow"));

        JsonNode event = awaitEnded(reply);
        assertEquals("done", event.path("status").asText(), event.toString());
        assertTrue(event.path("attempts").asInt() >= 2, event.toString());
        List<Map<String, Object>> tasks = rig.emulator().admin().records("Task").stream()
                .filter(task -> person.equals(task.get("WhoId"))).toList();
        assertEquals(1, tasks.size(), "the Task the lost answer was about is found, not made again: " + tasks);
        assertTrue(event.path("records").toString().contains(String.valueOf(tasks.get(0).get("Id"))), event.toString());
        assertEquals("Responded", memberOf(campaign.id(), person).get("Status"));
    }

    @Test
    void shouldRefuseAResultNamingEachBadField() throws Exception {
        HttpResponse<String> answer = rig.engine().postEvent("sms-delivery", "{\"source\":\"cinnox\","
                + "\"campaignId\":\"701x\",\"salesforceId\":\"003000000000001AAA\",\"status\":\"read\","
                + "\"at\":\"yesterday\"}");

        assertEquals(400, answer.statusCode(), answer.body());
        for (String field : List.of("campaignId", "status", "at")) {
            assertTrue(answer.body().contains("\"field\":\"" + field + "\""), field + ": " + answer.body());
        }
    }

    @Test
    void shouldWriteTwoThousandFiveHundredResultsInAtMostFifteenStatusCalls() throws Exception {
        SmsCampaignTest.Campaign campaign = SmsCampaignTest.campaign(rig.emulator().admin(), 2_500, 0, 0);
        rig.emulator().admin().clearRequests();

        List<String> events = new ArrayList<>();
        ExecutorService platform = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> posted = new ArrayList<>();
            for (String person : campaign.withPhone()) {
                posted.add(platform.submit(() -> post(result(campaign.id(), person, "delivered", SENT_AT, null))));
            }
            for (Future<String> event : posted) {
                events.add(event.get());
            }
        } finally {
            platform.shutdown();
        }
        for (String event : events) {
            assertEquals("done", awaitEnded(event).path("status").asText());
        }

        assertTrue(rig.emulator().admin().records("CampaignMember").stream()
                .filter(member -> campaign.id().equals(member.get("CampaignId")))
                .allMatch(member -> "Delivered".equals(member.get("Status"))));
        long calls = collectionCalls("PATCH");
        assertTrue(calls >= 13 && calls <= 15, calls + " status update calls for 2,500 results");
    }
}
