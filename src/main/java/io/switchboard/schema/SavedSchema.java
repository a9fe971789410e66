package io.switchboard.schema;

import io.switchboard.mapping.DescribeSource;
import io.switchboard.mapping.SObjectDescription;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What was read of one connection's saved describes: the describes themselves, served to the mapping check in place
 * of the org's, and the files that could not be used.
 */
public final class SavedSchema implements DescribeSource {
    private final String connection;
    private final Path folder;
    private final Map<String, SavedDescribe> describes;
    private final List<UnreadableFile> unreadable;

    SavedSchema(String connection, Path folder, Map<String, SavedDescribe> describes, List<UnreadableFile> unreadable) {
        this.connection = connection;
        this.folder = folder;
        this.describes = Map.copyOf(describes);
        this.unreadable = List.copyOf(unreadable);
    }

    @Override
    public String connection() {
        return connection;
    }

    public Path folder() {
        return folder;
    }

    /** True when check-connection never saved anything for this connection, readable or not. */
    public boolean nothingSaved() {
        return describes.isEmpty() && unreadable.isEmpty();
    }

    public List<UnreadableFile> unreadable() {
        return unreadable;
    }

    /** When the oldest describe read was fetched: the age of what the check relies on. */
    public Optional<Instant> oldestFetch() {
        return describes.values().stream().map(SavedDescribe::fetchedAt).min(Instant::compareTo);
    }

    /** The org instances the describes came from; more than one when the connection moved between saves. */
    public List<String> instanceUrls() {
        return List.copyOf(new TreeSet<>(describes.values().stream().map(SavedDescribe::instanceUrl).toList()));
    }

    @Override
    public boolean holds(String sobject) {
        return describes.containsKey(sobject);
    }

    @Override
    public Optional<SObjectDescription> describe(String sobject) {
        SavedDescribe saved = describes.get(sobject);
        if (saved == null) {
            throw new IllegalStateException("no saved describe of " + sobject + "; ask holds() first");
        }
        return saved.description();
    }
}
