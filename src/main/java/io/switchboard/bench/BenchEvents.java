package io.switchboard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.events.EventType;
import java.time.Instant;
import java.util.List;

/**
 * Makes the benchmark's events: valid, each under its own idempotency key, with customers drawn from a fixed pool
 * so that most conversations and calls find an existing Contact, as they do in a running contact centre.
 */
final class BenchEvents {
    static final int CUSTOMERS = 400;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
    private static final List<String> REFERRAL_STATUSES = List.of("Pending", "Under Evaluation", "Accepted",
            "Rejected", "Signed Up", "Closed");
    private static final String SENTENCE = "Thanks for waiting, I have checked the order and the parcel left our "
            + "warehouse this morning; tracking will update tonight. ";

    private final String runTag;

    /** @param runTag keeps this run's idempotency keys apart from any other run's */
    BenchEvents(String runTag) {
        this.runTag = runTag;
    }

    BenchEvent next(EventType type, long n) {
        return switch (type) {
            case CONVERSATION_CLOSED -> conversation(n, 2 + (int) (n * 7 % 29));
            case CALL -> call(n);
            case REFERRAL_STATUS_CHANGED -> referral(n);
            case CASE_ACKNOWLEDGED -> caseAcknowledged(n);
            case CONTACT_CHANGED -> contactChanged(n);
            case CONTACT_DELIVERY -> throw new IllegalArgumentException("contact deliveries are made by the sync, not posted");
            case REFERRAL_SEND -> throw new IllegalArgumentException("referral sends are made by the send job, not posted");
            case SMS_CAMPAIGN, SMS_DELIVERY -> throw new IllegalArgumentException("the benchmark sends no campaigns");
        };
    }

    /** A WhatsApp conversation with this many messages, alternating customer and agent, no attachments. */
    BenchEvent conversation(long n, int messages) {
        ObjectNode event = JSON.createObjectNode()
                .put("source", "witiop")
                .put("conversationId", runTag + "-" + n)
                .put("channel", "whatsapp")
                .put("closedAt", at(n, 3600).toString());
        event.putObject("agent").put("email", SeededOrg.AGENT_EMAIL).put("name", "agent.demo");
        event.putObject("customer").put("phone", customerPhone(n)).put("name", "Customer " + customer(n));
        ArrayNode list = event.putArray("messages");
        for (int i = 0; i < messages; i++) {
            list.addObject().put("id", "wamid." + n + "." + i).put("direction", i % 2 == 0 ? "inbound" : "outbound")
                    .put("sentAt", at(n, i * 30L).toString()).put("text", "Message " + (i + 1) + ". " + SENTENCE);
        }
        return new BenchEvent(EventType.CONVERSATION_CLOSED, event.toString());
    }

    /** An answered call, inbound through a queue or outbound, which the shipped config/call.yaml makes a Task. */
    BenchEvent call(long n) {
        boolean inbound = n % 3 != 0;
        ObjectNode event = JSON.createObjectNode()
                .put("source", "xcally")
                .put("callId", runTag + "." + n)
                .put("direction", inbound ? "inbound" : "outbound")
                .put("status", "answered");
        if (inbound) {
            event.put("queue", "Sales").put("callerNumber", customerPhone(n)).put("callerName", "Customer " + customer(n))
                    .put("destinationNumber", "+390212345678");
        } else {
            event.put("callerNumber", "+390212345678").put("destinationNumber", customerPhone(n));
        }
        event.putObject("agent").put("email", SeededOrg.AGENT_EMAIL);
        event.put("startedAt", at(n, 0).toString()).put("answeredAt", at(n, 12).toString())
                .put("endedAt", at(n, 200).toString()).put("durationSeconds", 188);
        event.putObject("variables").put("campaign", "Benchmark");
        return new BenchEvent(EventType.CALL, event.toString());
    }

    /** A status change of the seeded referral, each at its own time (n must not repeat within a store). */
    BenchEvent referral(long n) {
        ObjectNode event = JSON.createObjectNode()
                .put("source", "casexchange")
                .put("referralId", SeededOrg.REFERRAL_CX_ID)
                .put("referenceNumber", "REF-" + runTag)
                .put("status", REFERRAL_STATUSES.get((int) (n % REFERRAL_STATUSES.size())))
                .put("receivingFirm", "Smith & Partners LLP")
                .put("salesforceRecordId", SeededOrg.REFERRAL_ID)
                .put("changedAt", at(n, 0).toString());
        return new BenchEvent(EventType.REFERRAL_STATUS_CHANGED, event.toString());
    }

    /** A new contact on the contact-centre platform, with a number of its own: a Contact created and linked. */
    BenchEvent contactChanged(long n) {
        ObjectNode event = JSON.createObjectNode()
                .put("source", "cinnox")
                .put("contactId", "ext-" + runTag + "-" + n)
                .put("change", "created")
                .put("changedAt", at(n, 0).toString());
        ObjectNode contact = event.putObject("contact").put("firstName", "Bench").put("lastName", "Contact " + n);
        contact.putArray("phones").add(String.format("+44 20 %04d %04d", n / 10_000 % 10_000, n % 10_000));
        return new BenchEvent(EventType.CONTACT_CHANGED, event.toString());
    }

    /** A newly acknowledged Case Xchange case, upserted as a CX Intake. */
    BenchEvent caseAcknowledged(long n) {
        ObjectNode event = JSON.createObjectNode()
                .put("source", "casexchange")
                .put("caseId", "CX-" + runTag + "-" + n)
                .put("referenceNumber", "REF-" + n)
                .put("status", "Under Evaluation")
                .put("sendingFirm", "Jones Injury Law")
                .put("caseType", "Motor Vehicle Accident")
                .put("incidentDate", "2026-10-02");
        event.putObject("client").put("firstName", "Dana").put("lastName", "Reyes " + n)
                .put("phone", customerPhone(n)).put("email", "client" + n + "@example.com");
        event.put("description", "Rear-ended at a stop light; seeking representation.")
                .put("acknowledgedAt", at(n, 0).toString());
        return new BenchEvent(EventType.CASE_ACKNOWLEDGED, event.toString());
    }

    static String customerPhone(long n) {
        return String.format("+4477009%05d", customer(n));
    }

    private static long customer(long n) {
        return n * 7919 % CUSTOMERS;
    }

    /** A second of its own for each event (unique changedAt keys), within a year or so of the start. */
    private static Instant at(long n, long plusSeconds) {
        return START.plusSeconds(n + plusSeconds);
    }
}
