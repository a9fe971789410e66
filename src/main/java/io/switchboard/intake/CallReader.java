package io.switchboard.intake;

import io.switchboard.events.Call;
import java.util.List;

/** Reads a call report; its schema requires the customer's number on the side the direction names. */
final class CallReader implements EventReader<Call> {

    @Override
    public Call read(FieldReader root) {
        return new Call(root.id("source"), root.id("callId"), root.text("direction"), root.id("status"),
                root.text("queue"), root.text("callerNumber"), root.text("callerName"), root.text("destinationNumber"),
                root.object("agent").text("email"), root.timestamp("startedAt"), root.timestamp("answeredAt"),
                root.timestamp("endedAt"), root.count("durationSeconds"), root.url("recordingUrl"),
                root.textMap("variables"));
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
