package io.switchboard.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The update a referral's status change makes: which record of which object, with which fields. */
public record ReferralUpdate(String object, String recordId, ObjectNode fields) {
}
