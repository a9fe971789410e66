package io.switchboard.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.admin.FaultKind;
import io.switchboard.emulator.admin.FaultRule;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.RunningEngine;
import io.switchboard.standins.CaseXchangeStandIn;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine as its own process, killed with SIGKILL after Case Xchange took a referral but before its answer was
 * written back to Salesforce: started again, it posts the send with the same key, Case Xchange keeps the one referral
 * it made, and its CX id is written back.
 */
class ReferralSendCrashTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path home;
    private SalesforceEmulator emulator;
    private CaseXchangeStandIn caseXchange;
    private EngineProcess engine;

    @BeforeEach
    void start() throws Exception {
        emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0));
        caseXchange = new CaseXchangeStandIn();
        RunningEngine.copyProject(home);
    }

    @AfterEach
    void stop() throws Exception {
        if (engine != null) {
            engine.stop();
        }
        caseXchange.close();
        emulator.close();
    }

    private EngineProcess startEngine() throws Exception {
        return EngineProcess.start(home, home.resolve("data"), emulator, home.resolve("engine.log"), Map.of(
                "SWITCHBOARD_CASEXCHANGE_URL", caseXchange.apiUrl(),
                "SWITCHBOARD_CASEXCHANGE_CLIENT_ID", CaseXchangeStandIn.CLIENT_ID,
                "SWITCHBOARD_CASEXCHANGE_CLIENT_SECRET", CaseXchangeStandIn.CLIENT_SECRET,
                "SWITCHBOARD_REFERRAL_SEND_INTERVAL_SECONDS", "1",
                "SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "20", "SWITCHBOARD_RETRY_MAX_DELAY_MS", "200"));
    }

    @Test
    void shouldWriteBackTheOneReferralCaseXchangeMadeAfterAKillBeforeTheWriteBack() throws Exception {
        String id = emulator.admin().insertRecord("Referral__c", Map.of("Name", "REF-CRASH",
                "Receiving_Firm__c", "Rossi Legal", "Send_To_Case_Xchange__c", true));
        // Salesforce takes no write-back before the kill: Case Xchange has the referral, the record does not know it
        emulator.admin().addFault(FaultRule.times(FaultKind.SERVER_UNAVAILABLE, Integer.MAX_VALUE)
                .on("PATCH", "/sobjects/Referral__c/" + id));
        engine = startEngine();
        await(() -> caseXchange.created() == 1 && writeBacksTried(id) > 0, "sent and a write-back tried");
        engine.kill();
        emulator.admin().clearFaults();

        engine = startEngine();
        await(() -> emulator.admin().records("Referral__c").stream()
                .anyMatch(record -> id.equals(record.get("Id")) && record.get("CX_Id__c") != null), "written back");
        Thread.sleep(1_500);

        assertEquals(1, caseXchange.created(), "Case Xchange made one referral");
        List<String> keys = caseXchange.referrals().stream().map(CaseXchangeStandIn.Received::idempotencyKey).distinct()
                .toList();
        assertEquals(List.of(id + "-1"), keys, "every post of the send carried its one key");
        Map<String, Object> record = emulator.admin().records("Referral__c").stream()
                .filter(candidate -> id.equals(candidate.get("Id"))).findFirst().orElseThrow();
        assertEquals("CX-5001", record.get("CX_Id__c"));
        assertEquals("CXR-2026-5001", record.get("CX_Reference_Number__c"));
        assertEquals(false, record.get("Send_To_Case_Xchange__c"));
        assertEquals(SeededOrg.INTEGRATION_USER_ID, record.get("LastModifiedById"));
    }

    private long writeBacksTried(String id) {
        return emulator.admin().requests().stream()
                .filter(entry -> entry.method().equals("PATCH") && entry.path().contains(id)).count();
    }

    private static void await(Supplier<Boolean> condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                fail("not within " + PATIENCE + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
