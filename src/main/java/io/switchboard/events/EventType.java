package io.switchboard.events;

import java.util.Arrays;
import java.util.Optional;

/** The event types the intake accepts, each handled by the route of the same name in {@code routes/}. */
public enum EventType {
    CONVERSATION_CLOSED("conversation-closed"),
    CALL("call"),
    REFERRAL_STATUS_CHANGED("referral-status-changed"),
    CASE_ACKNOWLEDGED("case-acknowledged"),
    CONTACT_CHANGED("contact-changed", "contact-sync", true),
    /** A Salesforce Contact's change on its way to the source platform; queued by the contact sync, never posted. */
    CONTACT_DELIVERY("contact-delivery", "contact-sync", false),
    /** A Salesforce record on its way to Case Xchange as a referral; queued by the referral send job, never posted. */
    REFERRAL_SEND("referral-send", "referral-send", false),
    /** An ask to send an SMS to a Campaign's members; made by {@code POST /campaigns/{id}/send}, never posted here. */
    SMS_CAMPAIGN("sms-campaign", "contact-sync", false),
    /** What happened to one campaign message, posted by the contact centre; written 200 at a time. */
    SMS_DELIVERY("sms-delivery", "contact-sync", true, 200);

    private final String path;
    private final String configName;
    private final boolean posted;
    private final int batchSize;

    EventType(String path) {
        this(path, path, true);
    }

    EventType(String path, String configName, boolean posted) {
        this(path, configName, posted, 1);
    }

    EventType(String path, String configName, boolean posted, int batchSize) {
        this.path = path;
        this.configName = configName;
        this.posted = posted;
        this.batchSize = batchSize;
    }

    /**
     * Whether its route writes many events at once: the worker then hands it up to {@link #batchSize()} events in one
     * exchange (an {@code EventBatch}) instead of one event per exchange.
     */
    public boolean batched() {
        return batchSize > 1;
    }

    /** How many events of the type one run of its route takes at most; 1 unless batched. */
    public int batchSize() {
        return batchSize;
    }

    /** Whether sources post it to {@code POST /events/{type}}; the others are made by the engine itself. */
    public boolean posted() {
        return posted;
    }

    /** The name used in {@code POST /events/{type}}, in route ids and in {@code direct:} endpoints. */
    public String path() {
        return path;
    }

    /** The stem of the file in {@code config/} that configures the type's route; several types may share one. */
    public String configName() {
        return configName;
    }

    public static Optional<EventType> fromPath(String path) {
        return Arrays.stream(values()).filter(type -> type.path.equals(path)).findFirst();
    }
}
