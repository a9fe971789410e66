package io.switchboard.emulator.api;

/**
 * An answer body that is not JSON, sent as these bytes with this Content-Type (Bulk API result CSVs).
 */
public record RawBody(String contentType, byte[] bytes) {
}
