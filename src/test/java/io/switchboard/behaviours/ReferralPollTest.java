package io.switchboard.behaviours;

import static io.switchboard.behaviours.EventRuns.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.RunningEngine;
import io.switchboard.events.EventType;
import io.switchboard.standins.CaseXchangeStandIn;
import io.switchboard.store.EventStatus;
import io.switchboard.store.StoredEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scheduled poll of Case Xchange, every second, against a local stub of its changes endpoint. */
class ReferralPollTest {
    private static final String EVERY_SECOND = "0/1 * * * * ?";
    private static final String CHANGE = """
            [{"source": "casexchange", "referralId": "CX-48213", "referenceNumber": "REF-2026-0917",
              "status": "Signed Up", "receivingFirm": "Smith & Partners LLP",
              "salesforceRecordId": "%s", "changedAt": "2026-11-20T15:30:00Z"},
             {"source": "casexchange", "referralId": "CX-48214", "changedAt": "2026-11-20T15:45:00Z"}]
            """.formatted(SeededOrg.REFERRAL_ID);
    private static SalesforceEmulator emulator;

    @TempDir
    Path home;

    @BeforeAll
    static void startEmulator() {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    private RunningEngine startPolling(CaseXchangeStandIn stub, boolean enabled) throws Exception {
        RunningEngine.copyProject(home);
        Path config = home.resolve("config/referral-status-changed.yaml");
        Files.writeString(config, Files.readString(config)
                .replace("enabled: false", "enabled: " + enabled)
                .replace("cron: \"0 0/5 * * * ?\"", "cron: \"" + EVERY_SECOND + "\"")
                .replace("  url:\n", "  url: " + stub.url() + "\n"));
        return RunningEngine.startIn(emulator, home, Map.of());
    }

    @Test
    void shouldFeedPolledChangesToTheRouteOnceAndAdvanceTheWatermarkOnlyAfterASuccessfulPoll() throws Exception {
        emulator.admin().reset();
        try (CaseXchangeStandIn stub = new CaseXchangeStandIn()) {
            stub.answer(500, "{\"error\": \"internal\"}");
            try (RunningEngine engine = startPolling(stub, true)) {
                await("two failed polls", () -> stub.queries().size() >= 2);
                assertEquals(Optional.empty(), engine.store().watermark(ReadReferralWatermark.WATERMARK));
                assertEquals(List.of("", ""), stub.queries().subList(0, 2), "no watermark yet: every change is asked for");

                stub.answer(200, CHANGE);
                await("a poll since the change", () -> stub.queries().contains("since=2026-11-20T15%3A30%3A00Z"));
                int pollsSinceTheChange = stub.queries().size();
                await("another poll after that", () -> stub.queries().size() > pollsSinceTheChange);

                List<StoredEvent> referrals = referralEvents(engine);
                assertEquals(1, referrals.size(), "a change polled again is a duplicate; the invalid one is left out");
                await("the change written back", () -> engine.store().find(referrals.get(0).id())
                        .map(event -> event.status() == EventStatus.DONE).orElse(false));
                assertEquals(Optional.of("2026-11-20T15:30:00Z"),
                        engine.store().watermark(ReadReferralWatermark.WATERMARK));
                Map<String, Object> referral = only(emulator.admin().records("Referral__c"), "Id", SeededOrg.REFERRAL_ID);
                assertEquals("Signed Up", referral.get("Status__c"));
            }
        }
    }

    @Test
    void shouldNotPollWhenThePollIsDisabled() throws Exception {
        try (CaseXchangeStandIn stub = new CaseXchangeStandIn(); RunningEngine engine = startPolling(stub, false)) {
            Thread.sleep(1_500);
            assertTrue(stub.queries().isEmpty(), "polled while disabled: " + stub.queries());
            assertTrue(referralEvents(engine).isEmpty());
        }
    }

    private static List<StoredEvent> referralEvents(RunningEngine engine) {
        return engine.store().list(Optional.empty(), 100).stream()
                .filter(event -> event.type() == EventType.REFERRAL_STATUS_CHANGED).toList();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("waited 15 s for " + what);
            }
            Thread.sleep(50);
        }
    }
}
