package io.switchboard.mapping;

import io.switchboard.events.Call;
import io.switchboard.events.CaseAcknowledged;
import io.switchboard.events.ConversationClosed;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The example events of {@code src/test/resources/events/}, as records. */
final class Events {
    private Events() {
    }

    static Call inboundCall() {
        return new Call("xcally", "1763633200.42", "inbound", "answered", "Sales", "+393331234567", "Maria C.",
                "+390212345678", "agent.demo@example.com", Instant.parse("2026-11-20T09:00:00Z"),
                Instant.parse("2026-11-20T09:00:21Z"), Instant.parse("2026-11-20T09:04:01Z"), 220,
                "https://motion.example.com/recordings/1763633200.42.wav",
                Map.of("campaign", "Black Friday", "customerTier", "gold"));
    }

    static Call outboundCall() {
        return new Call("xcally", "1763640000.7", "outbound", "answered", null, "+390212345678", null, "+14155550123",
                "agent.demo@example.com", Instant.parse("2026-11-20T11:00:00Z"), Instant.parse("2026-11-20T11:00:09Z"),
                Instant.parse("2026-11-20T11:01:30Z"), 81, null, Map.of());
    }

    static ConversationClosed conversation(String channel) {
        return new ConversationClosed("witiop", "1793", channel, Instant.parse("2026-11-20T10:15:00Z"),
                new ConversationClosed.Agent("agent.demo@example.com", "agent.demo"),
                new ConversationClosed.Customer("+393331234567", "Maria C."), List.of());
    }

    static CaseAcknowledged caseAcknowledged() {
        return new CaseAcknowledged("casexchange", "CX-50077", "REF-2026-1002", "Under Evaluation", "Jones Injury Law",
                "Motor Vehicle Accident", LocalDate.parse("2026-10-02"),
                new CaseAcknowledged.Client("Dana", "Reyes", "+13125550188", "dana.reyes@example.com"),
                "Rear-ended at a stop light; seeking representation.", Instant.parse("2026-11-20T16:05:00Z"));
    }
}
