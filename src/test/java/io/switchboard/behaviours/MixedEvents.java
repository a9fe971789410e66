package io.switchboard.behaviours;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.emulator.seed.SeededOrg;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A varied, repeatable load of the four event types, each with what Salesforce must hold once it is processed:
 * conversations short and long (30+ messages), with and without files, from known and new customers; inbound and
 * outbound calls; referral write-backs; acknowledgements, some of them sent twice.
 */
final class MixedEvents {
    /** A comment as it must be stored: its body and its message's time. */
    record ExpectedComment(String body, Instant createdDate) {
    }

    /** A conversation and the Case it must make, with its comments in order and its files. */
    record Conversation(ObjectNode event, String subject, String phone, boolean newCustomer,
                        List<ExpectedComment> comments, List<String> fileTitles) {
    }

    /** A referral record in the org and the change that must reach it. */
    record Referral(String name, String status, String receivingFirm) {
    }

    static final String KNOWN_CUSTOMER = "+393331234567";
    private static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
    private static final List<String> STATUSES =
            List.of("Pending", "Under Evaluation", "Accepted", "Rejected", "Signed Up", "Closed");

    private MixedEvents() {
    }

    /** Every fourth customer is known (the seeded Contact, stored in another format); the others are new. */
    static List<Conversation> conversations(String run, int count) throws Exception {
        List<Conversation> conversations = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            boolean known = n % 4 == 0;
            String phone = known ? KNOWN_CUSTOMER : "+44 7700 9" + run + String.format("%04d", n);
            int messages = n % 8 == 1 ? 30 + n % 11 : 2 + n % 6;
            int files = n % 5 == 2 ? 1 + n % 2 : 0;
            conversations.add(conversation(run + "-" + n, phone, known, messages, files, START.plusSeconds(3600L * n)));
        }
        return conversations;
    }

    private static Conversation conversation(String id, String phone, boolean known, int messageCount, int fileCount,
                                             Instant start) throws Exception {
        ObjectNode event = EventRuns.example("conversation-closed");
        event.put("conversationId", id);
        event.putObject("customer").put("phone", phone).put("name", "Customer " + id);
        ArrayNode messages = event.putArray("messages");
        List<ExpectedComment> comments = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < messageCount; i++) {
            Instant sentAt = start.plusSeconds(7L * i);
            String text = "conversation " + id + ", message " + i;
            ObjectNode message = messages.addObject().put("id", id + "-" + i)
                    .put("direction", i % 2 == 0 ? "inbound" : "outbound").put("sentAt", sentAt.toString())
                    .put("text", text);
            StringBuilder body = new StringBuilder(text);
            if (i == messageCount - 1) {
                ArrayNode attachments = message.putArray("attachments");
                for (int f = 0; f < fileCount; f++) {
                    String title = "file-" + id + "-" + f + ".txt";
                    attachments.addObject().put("fileName", title).put("contentType", "text/plain").put("dataBase64",
                            Base64.getEncoder().encodeToString(title.getBytes(StandardCharsets.UTF_8)));
                    body.append("\nAttachment: ").append(title);
                    titles.add(title);
                }
            }
            comments.add(new ExpectedComment(body.toString(), sentAt));
        }
        event.put("closedAt", start.plusSeconds(7L * messageCount).toString());
        return new Conversation(event, phone + " [" + id + "]", phone, !known, comments, titles);
    }

    /** Inbound calls from the known customer or an unknown number, outbound calls to either. */
    static List<ObjectNode> calls(String run, int count) throws Exception {
        List<ObjectNode> calls = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            boolean inbound = n % 2 == 0;
            String number = n % 3 == 0 ? KNOWN_CUSTOMER : "+1 415 555 " + String.format("%04d", n);
            ObjectNode call = EventRuns.example(inbound ? "call-inbound-answered" : "call-outbound-answered");
            call.put("callId", "call-" + run + "-" + n);
            call.put(inbound ? "callerNumber" : "destinationNumber", number);
            calls.add(call);
        }
        return calls;
    }

    static List<Referral> referrals(String run, int count) {
        List<Referral> referrals = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            referrals.add(new Referral("Referral " + run + "-" + n, STATUSES.get(n % STATUSES.size()), "Firm " + run + "-" + n));
        }
        return referrals;
    }

    static ObjectNode referralChange(Referral referral, String recordId, int n) throws Exception {
        return EventRuns.example("referral-status-changed").put("referralId", referral.name())
                .put("status", referral.status()).put("receivingFirm", referral.receivingFirm())
                .put("salesforceRecordId", recordId).put("changedAt", START.plusSeconds(n).toString());
    }

    /** Acknowledgements of {@code distinct} cases; the first {@code repeated} of them are sent a second time. */
    static List<ObjectNode> acknowledgements(String run, int distinct, int repeated) throws Exception {
        List<ObjectNode> acknowledgements = new ArrayList<>();
        for (int n = 0; n < distinct + repeated; n++) {
            int caseNumber = n % distinct;
            acknowledgements.add(EventRuns.example("case-acknowledged").put("caseId", caseId(run, caseNumber))
                    .put("status", STATUSES.get(caseNumber % STATUSES.size())));
        }
        return acknowledgements;
    }

    static String caseId(String run, int n) {
        return "CX-" + run + "-" + n;
    }

    /** The seeded Contact whose phone is stored as {@code +39 333 123 4567}. */
    static String knownCustomerId() {
        return SeededOrg.MARIA_CONTI_ID;
    }
}
