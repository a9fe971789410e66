package io.switchboard.emulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.api.SalesforceError;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open query cursors behind {@code nextRecordsUrl}. Each keeps the snapshot of records its query produced, so
 * later pages do not see later writes. Like Salesforce, a cursor lapses after 15 minutes without use and
 * only the 10 most recently used stay open.
 */
final class QueryCursors {
    static final int MAX_OPEN = 10;
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);
    private static final Pattern LOCATOR = Pattern.compile("(01g[0-9A-Za-z]{15})-(\\d{1,9})");
    private static final String ID_CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** A cursor's snapshot, the page size it was opened with, and when it was last read. */
    private record Cursor(List<JsonNode> records, int batchSize, Instant lastUsed) {
    }

    /** One page: its records, and the position after it (the snapshot's size once it is the last page). */
    record Page(List<JsonNode> records, int end, int totalSize, String cursorId) {
        boolean done() {
            return end >= totalSize;
        }
    }

    private final Map<String, Cursor> open = new LinkedHashMap<>(16, 0.75f, true);
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    QueryCursors(Clock clock) {
        this.clock = clock;
    }

    /** The first page of a result; a cursor stays open only when more pages follow. */
    synchronized Page first(List<JsonNode> records, int batchSize) {
        if (records.size() <= batchSize) {
            return new Page(records, records.size(), records.size(), null);
        }
        String id = newId();
        open.put(id, new Cursor(List.copyOf(records), batchSize, clock.instant()));
        closeExcess();
        return page(id, open.get(id), 0);
    }

    /** The page starting at the position a {@code {cursorId}-{position}} locator names. */
    synchronized Page next(String locator) {
        closeIdle();
        Matcher matcher = LOCATOR.matcher(locator == null ? "" : locator);
        Cursor cursor = matcher.matches() ? open.get(matcher.group(1)) : null;
        int position = cursor == null ? 0 : Integer.parseInt(matcher.group(2));
        if (cursor == null || position >= cursor.records().size()) {
            throw new SalesforceError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        Cursor used = new Cursor(cursor.records(), cursor.batchSize(), clock.instant());
        open.put(matcher.group(1), used);
        return page(matcher.group(1), used, position);
    }

    private static Page page(String id, Cursor cursor, int position) {
        int end = Math.min(position + cursor.batchSize(), cursor.records().size());
        return new Page(cursor.records().subList(position, end), end, cursor.records().size(), id);
    }

    private void closeIdle() {
        Instant oldestAllowed = clock.instant().minus(IDLE_TIMEOUT);
        open.values().removeIf(cursor -> cursor.lastUsed().isBefore(oldestAllowed));
    }

    private void closeExcess() {
        var leastRecent = open.keySet().iterator();
        while (open.size() > MAX_OPEN) {
            leastRecent.next();
            leastRecent.remove();
        }
    }

    private String newId() {
        StringBuilder id = new StringBuilder("01g");
        while (id.length() < 18) {
            id.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
        }
        return id.toString();
    }
}
