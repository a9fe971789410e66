package io.switchboard.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code key = value} properties file read with line numbers, so that every problem can be reported as
 * file and line. Deliberately simpler than java.util.Properties: one entry per line, {@code #} or {@code !}
 * comments, no continuation lines, and a repeated key is an error rather than a silent override.
 */
public final class ConfigFile {

    /** One setting as written, before placeholders are resolved. */
    public record Entry(String key, String rawValue, int line) {
    }

    private final Path path;
    private final Map<String, Entry> entries;

    private ConfigFile(Path path, Map<String, Entry> entries) {
        this.path = path;
        this.entries = entries;
    }

    public static ConfigFile parse(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(path, 0, "cannot be read: " + e.getMessage());
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            Entry entry = parseLine(path, line, lineNumber);
            Entry earlier = entries.putIfAbsent(entry.key(), entry);
            if (earlier != null) {
                throw new ConfigException(path, lineNumber,
                        "'" + entry.key() + "' is already set on line " + earlier.line());
            }
        }
        return new ConfigFile(path, entries);
    }

    private static Entry parseLine(Path path, String line, int lineNumber) {
        int separator = firstSeparator(line);
        if (separator <= 0) {
            throw new ConfigException(path, lineNumber, "expected 'key = value', found '" + line + "'");
        }
        if (line.endsWith("\\")) {
            throw new ConfigException(path, lineNumber, "continuation lines are not supported; keep the value on one line");
        }
        String key = line.substring(0, separator).strip();
        String value = line.substring(separator + 1).strip();
        return new Entry(key, value, lineNumber);
    }

    private static int firstSeparator(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        if (equals < 0) {
            return colon;
        }
        return colon < 0 ? equals : Math.min(equals, colon);
    }

    public Path path() {
        return path;
    }

    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    public List<Entry> entriesWithPrefix(String prefix) {
        List<Entry> matching = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.key().startsWith(prefix)) {
                matching.add(entry);
            }
        }
        return matching;
    }
}
