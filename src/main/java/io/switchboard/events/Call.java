package io.switchboard.events;

import java.time.Instant;
import java.util.Map;

/** A telephone call reported by a contact-centre platform; answered calls become a Task or a Case. */
public record Call(String source, String callId, String direction, String status, String queue, String callerNumber,
                   String callerName, String destinationNumber, String agentEmail, Instant startedAt,
                   Instant answeredAt, Instant endedAt, Integer durationSeconds, String recordingUrl,
                   Map<String, String> variables) {

    /** The customer's number: the caller on inbound calls, the dialled number on outbound ones. */
    public String customerNumber() {
        return "outbound".equals(direction) ? destinationNumber : callerNumber;
    }
}
