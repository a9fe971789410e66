package io.switchboard.intake;

import io.switchboard.events.Call;
import java.util.List;

/** Reads a call report; the customer's number is required on the side the direction names. */
final class CallReader implements EventReader<Call> {

    @Override
    public Call read(FieldReader root) {
        String source = root.requiredId("source");
        String callId = root.requiredId("callId");
        String direction = root.requiredOneOf("direction", DIRECTIONS);
        String status = root.requiredId("status");
        String callerNumber = "inbound".equals(direction) ? root.requiredPhone("callerNumber") : root.optionalPhone("callerNumber");
        String destinationNumber = "outbound".equals(direction)
                ? root.requiredPhone("destinationNumber") : root.optionalPhone("destinationNumber");
        FieldReader agent = root.optionalObject("agent");
        return new Call(source, callId, direction, status, root.optionalText("queue"), callerNumber,
                root.optionalText("callerName"), destinationNumber, agent.optionalEmail("email"),
                root.requiredTimestamp("startedAt"), root.optionalTimestamp("answeredAt"), root.optionalTimestamp("endedAt"),
                root.optionalCount("durationSeconds"), root.optionalUrl("recordingUrl"), root.optionalTextMap("variables"));
    }

    @Override
    public String source(Call event) {
        return event.source();
    }

    @Override
    public List<String> keyParts(Call event) {
        return List.of(event.source(), event.callId(), event.status());
    }
}
