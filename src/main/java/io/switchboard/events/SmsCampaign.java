package io.switchboard.events;

/**
 * An ask to send one SMS to every member of a Salesforce Campaign, made with {@code POST /campaigns/{id}/send}: the
 * members with a phone are handed to the contact centre in batches, the others listed as skipped.
 */
public record SmsCampaign(String campaignId, String message, String senderId) {
    /** Made through the engine's own API rather than posted by a platform. */
    public static final String SOURCE = "campaigns-api";
}
