package io.switchboard.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.campaigns.SmsCampaignTest;
import io.switchboard.contacts.SourcePlatformStub;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.engine.RunningEngine;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine as its own process, killed with SIGKILL halfway through a campaign, while the platform held a batch it
 * had taken but not yet answered: started again, the engine carries on from the last batch it saved, posts the one
 * in doubt again with the same key and body, and every member with a phone is in exactly one batch.
 */
class SmsCampaignCrashTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path home;
    private SalesforceEmulator emulator;
    private SourcePlatformStub platform;
    private EngineProcess engine;

    @BeforeEach
    void start() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        platform = SourcePlatformStub.start("/sms/campaigns");
        RunningEngine.copyProject(home);
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.stop();
        }
        platform.close();
        emulator.close();
    }

    private EngineProcess startEngine() throws Exception {
        return EngineProcess.start(home, home.resolve("data"), emulator, home.resolve("engine.log"), Map.of(
                "SWITCHBOARD_SMS_CAMPAIGN_URL", platform.url(),
                "SWITCHBOARD_CONTACT_SYNC_SECRET", SmsCampaignTest.SECRET,
                "SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "20", "SWITCHBOARD_RETRY_MAX_DELAY_MS", "200"));
    }

    @Test
    void shouldHandEveryMemberOverInExactlyOneBatchAfterAKillMidCampaign() throws Exception {
        SmsCampaignTest.Campaign campaign = SmsCampaignTest.campaign(emulator.admin(), 2_450, 0, 50);
        // a platform slow enough for the kill to land halfway
        platform.answerAfter(Duration.ofMillis(100));
        engine = startEngine();
        HttpResponse<String> asked = engine.postJson("/campaigns/" + campaign.id() + "/send",
                "{\"message\":\"Winter offer\",\"senderId\":\"Switchboard\"}");
        assertEquals(202, asked.statusCode(), asked.body());
        String eventId = JSON.readTree(asked.body()).path("eventId").asText();
        await(() -> platform.received().size() >= 5, "five batches taken");
        // the next batch reaches the platform, which holds its answer: the engine dies not knowing it was taken
        platform.answerAfter(Duration.ofSeconds(30));
        int before = platform.received().size();
        await(() -> platform.received().size() > before, "a batch in doubt");
        engine.kill();
        platform.answerAfter(Duration.ZERO);

        engine = startEngine();
        JsonNode event = awaitDone(eventId);

        Map<String, String> bodyByKey = new LinkedHashMap<>();
        for (SourcePlatformStub.Received batch : platform.received()) {
            String earlier = bodyByKey.putIfAbsent(batch.idempotencyKey(), batch.body());
            if (earlier != null) {
                assertEquals(earlier, batch.body(), "a batch posted again is the same batch");
            }
        }
        assertTrue(platform.received().size() > bodyByKey.size(), "the batch in doubt was posted again");
        assertEquals(13, bodyByKey.size(), "2,450 recipients in 13 batches");
        List<String> handedOver = new ArrayList<>();
        for (String body : bodyByKey.values()) {
            JSON.readTree(body).path("recipients").forEach(recipient -> handedOver.add(recipient.path("salesforceId")
                    .asText()));
        }
        assertEquals(2_450, handedOver.size(), "each member in exactly one batch");
        assertEquals(Set.copyOf(campaign.withPhone()), Set.copyOf(handedOver));
        assertEquals(2_450, event.path("progress").path("handedOver").asInt(), event.toString());
        assertEquals(50, event.path("progress").path("skipped").asInt(), event.toString());
        assertTrue(event.path("attempts").asInt() >= 2, event.toString());
    }

    private JsonNode awaitDone(String eventId) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode event = null;
        while (Instant.now().isBefore(deadline)) {
            event = engine.get("/events/" + eventId);
            if ("done".equals(event.path("status").asText())) {
                return event;
            }
            Thread.sleep(100);
        }
        return fail("the campaign was not done within " + PATIENCE + ": " + event);
    }

    private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                fail("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(20);
        }
    }
}
