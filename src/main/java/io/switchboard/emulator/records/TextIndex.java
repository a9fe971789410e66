package io.switchboard.emulator.records;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The ids of the records of one type by one field's value as text, ignoring case, so that an upsert by external id
 * and the check of a unique field find their records without reading every record of the type. A lookup answers
 * candidates: every record whose value equals the text ignoring case is among them, and the caller keeps those that
 * pass its own comparison.
 */
final class TextIndex {
    private final Map<String, Set<String>> idsByKey = new HashMap<>();

    void add(Object value, String id) {
        if (value != null) {
            idsByKey.computeIfAbsent(key(value.toString()), k -> new HashSet<>()).add(id);
        }
    }

    void remove(Object value, String id) {
        if (value == null) {
            return;
        }
        String key = key(value.toString());
        Set<String> ids = idsByKey.get(key);
        if (ids != null && ids.remove(id) && ids.isEmpty()) {
            idsByKey.remove(key);
        }
    }

    Set<String> candidates(String text) {
        return idsByKey.getOrDefault(key(text), Set.of());
    }

    /**
     * Equal for any two texts that {@link String#equalsIgnoreCase} finds equal: it compares code point by code point,
     * equal when their upper cases are, or the lower cases of those.
     */
    static String key(String text) {
        StringBuilder key = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> key.appendCodePoint(Character.toLowerCase(Character.toUpperCase(codePoint))));
        return key.toString();
    }
}
