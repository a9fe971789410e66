package io.switchboard.mapping;

import java.time.Instant;

/** A Contact, Lead or Account a phone number led to. lastModified decides between several matches. */
public record Person(String sobject, String id, Instant lastModified) {
}
