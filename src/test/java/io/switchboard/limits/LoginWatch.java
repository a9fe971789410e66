package io.switchboard.limits;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.engine.RunningEngine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What the refused-login tests watch: the logins the emulator answered, the engine's health and its events. */
final class LoginWatch {
    static final String TOKEN_PATH = "/services/oauth2/token";

    private LoginWatch() {
    }

    /** Login requests the emulator has answered since its request log was last cleared. */
    static long logins(SalesforceEmulator emulator) {
        return emulator.admin().requests().stream().filter(entry -> entry.path().equals(TOKEN_PATH)).count();
    }

    /** Blocks or allows the username-password flow through the emulator's HTTP admin API. */
    static void blockPasswordFlow(SalesforceEmulator emulator, boolean blocked) {
        admin(emulator, "/__admin/grants", "{\"grantType\":\"password\",\"blocked\":" + blocked + "}");
    }

    /** Expires every session through the emulator's HTTP admin API. */
    static void expireSessions(SalesforceEmulator emulator) {
        admin(emulator, "/__admin/sessions/expire", "{}");
    }

    private static void admin(SalesforceEmulator emulator, String path, String json) {
        int status = new EmulatorClient(emulator).raw("POST", path, json, null).status();
        if (status != 204) {
            throw new AssertionError("POST " + path + " answered " + status);
        }
    }

    static JsonNode health(RunningEngine engine) throws Exception {
        return LimitEvents.JSON.readTree(engine.get("/observe/health").body());
    }

    /** The health of the default connection. */
    static JsonNode connectionHealth(RunningEngine engine) throws Exception {
        return health(engine).path("checks").path("connections").path("default");
    }

    /** Waits until every event meets the condition and answers them, in the order of the ids. */
    static List<JsonNode> awaitEvents(RunningEngine engine, List<String> ids, Predicate<JsonNode> condition,
                                      String description, Duration patience) throws Exception {
        Instant deadline = Instant.now().plus(patience);
        List<JsonNode> events = new ArrayList<>();
        while (true) {
            events.clear();
            for (String id : ids) {
                events.add(LimitEvents.status(engine, id));
            }
            if (events.stream().allMatch(condition)) {
                return events;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not every event was " + description + " within " + patience + ": "
                        + events.stream().filter(condition.negate()).toList());
            }
            Thread.sleep(50);
        }
    }

    static boolean heldByRefusedLogin(JsonNode event) {
        return "pending".equals(event.path("status").asText())
                && "LOGIN_REFUSED".equals(event.path("error").path("code").asText());
    }

    static boolean done(JsonNode event) {
        return "done".equals(event.path("status").asText());
    }
}
