package io.switchboard.mapping;

import io.switchboard.events.Call;
import io.switchboard.events.CaseAcknowledged;
import io.switchboard.events.ConversationClosed;
import io.switchboard.events.EventType;
import io.switchboard.events.ReferralStatusChanged;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The values templates and field maps can name: an event's fields by their JSON names ({@code callId},
 * {@code customer.phone}) as "variables", and a call's {@code variables} object as "custom variables". The names
 * are fixed per event type, so a mapping file naming an unknown variable is refused when it is loaded.
 */
public record EventVariables(EventType type, Map<String, Object> values, Map<String, String> custom) {

    /** One variable: its name and how to read it from the event. */
    private record Variable<E>(String name, Function<E, Object> read) {
    }

    private static final List<Variable<Call>> CALL = List.of(
            new Variable<>("source", Call::source),
            new Variable<>("callId", Call::callId),
            new Variable<>("direction", Call::direction),
            new Variable<>("status", Call::status),
            new Variable<>("queue", Call::queue),
            new Variable<>("callerNumber", Call::callerNumber),
            new Variable<>("callerName", Call::callerName),
            new Variable<>("destinationNumber", Call::destinationNumber),
            new Variable<>("customerNumber", Call::customerNumber),
            new Variable<>("agent.email", Call::agentEmail),
            new Variable<>("startedAt", Call::startedAt),
            new Variable<>("answeredAt", Call::answeredAt),
            new Variable<>("endedAt", Call::endedAt),
            new Variable<>("durationSeconds", Call::durationSeconds),
            new Variable<>("recordingUrl", Call::recordingUrl));

    private static final List<Variable<ConversationClosed>> CONVERSATION = List.of(
            new Variable<>("source", ConversationClosed::source),
            new Variable<>("conversationId", ConversationClosed::conversationId),
            new Variable<>("channel", ConversationClosed::channel),
            new Variable<>("closedAt", ConversationClosed::closedAt),
            new Variable<>("agent.email", c -> c.agent() == null ? null : c.agent().email()),
            new Variable<>("agent.name", c -> c.agent() == null ? null : c.agent().name()),
            new Variable<>("customer.phone", c -> c.customer() == null ? null : c.customer().phone()),
            new Variable<>("customer.name", c -> c.customer() == null ? null : c.customer().name()));

    private static final List<Variable<ReferralStatusChanged>> REFERRAL = List.of(
            new Variable<>("source", ReferralStatusChanged::source),
            new Variable<>("referralId", ReferralStatusChanged::referralId),
            new Variable<>("referenceNumber", ReferralStatusChanged::referenceNumber),
            new Variable<>("status", ReferralStatusChanged::status),
            new Variable<>("receivingFirm", ReferralStatusChanged::receivingFirm),
            new Variable<>("salesforceRecordId", ReferralStatusChanged::salesforceRecordId),
            new Variable<>("changedAt", ReferralStatusChanged::changedAt));

    private static final List<Variable<CaseAcknowledged>> CASE_ACKNOWLEDGED = List.of(
            new Variable<>("source", CaseAcknowledged::source),
            new Variable<>("caseId", CaseAcknowledged::caseId),
            new Variable<>("referenceNumber", CaseAcknowledged::referenceNumber),
            new Variable<>("status", CaseAcknowledged::status),
            new Variable<>("sendingFirm", CaseAcknowledged::sendingFirm),
            new Variable<>("caseType", CaseAcknowledged::caseType),
            new Variable<>("incidentDate", CaseAcknowledged::incidentDate),
            new Variable<>("client.firstName", c -> c.client() == null ? null : c.client().firstName()),
            new Variable<>("client.lastName", c -> c.client() == null ? null : c.client().lastName()),
            new Variable<>("client.phone", c -> c.client() == null ? null : c.client().phone()),
            new Variable<>("client.email", c -> c.client() == null ? null : c.client().email()),
            new Variable<>("description", CaseAcknowledged::description),
            new Variable<>("acknowledgedAt", CaseAcknowledged::acknowledgedAt));

    public EventVariables {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        custom = custom == null ? Map.of() : Map.copyOf(custom);
    }

    public static EventVariables of(Call call) {
        return new EventVariables(EventType.CALL, read(CALL, call), call.variables());
    }

    public static EventVariables of(ConversationClosed conversation) {
        return new EventVariables(EventType.CONVERSATION_CLOSED, read(CONVERSATION, conversation), Map.of());
    }

    public static EventVariables of(ReferralStatusChanged change) {
        return new EventVariables(EventType.REFERRAL_STATUS_CHANGED, read(REFERRAL, change), Map.of());
    }

    public static EventVariables of(CaseAcknowledged acknowledged) {
        return new EventVariables(EventType.CASE_ACKNOWLEDGED, read(CASE_ACKNOWLEDGED, acknowledged), Map.of());
    }

    /** The variable names an event type offers, in the order they are documented. */
    public static Set<String> names(EventType type) {
        List<? extends Variable<?>> variables = switch (type) {
            case CALL -> CALL;
            case CONVERSATION_CLOSED -> CONVERSATION;
            case REFERRAL_STATUS_CHANGED -> REFERRAL;
            case CASE_ACKNOWLEDGED -> CASE_ACKNOWLEDGED;
            // its fields are mapped by config/contact-sync.yaml's own field map, not by variables
            case CONTACT_CHANGED, CONTACT_DELIVERY, REFERRAL_SEND, SMS_CAMPAIGN, SMS_DELIVERY -> List.<Variable<Object>>of();
        };
        return variables.stream().map(Variable::name).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Only calls carry custom variables (their {@code variables} object). */
    public static boolean hasCustomVariables(EventType type) {
        return type == EventType.CALL;
    }

    /** The variable's value (a String, Instant, LocalDate or Integer), empty when the event left it out. */
    public Optional<Object> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Optional<String> customValue(String name) {
        return Optional.ofNullable(custom.get(name));
    }

    private static <E> Map<String, Object> read(List<Variable<E>> variables, E event) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Variable<E> variable : variables) {
            Object value = variable.read().apply(event);
            if (value != null) {
                values.put(variable.name(), value);
            }
        }
        return values;
    }
}
