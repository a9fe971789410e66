package io.switchboard.mapping;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mapping files as the running engine uses them. Steps ask for the current version for each event, so an
 * edited file takes effect on the next event; an edit that does not load is refused with a log line naming every
 * problem, and the previous version keeps serving.
 */
public final class LiveMappings implements Supplier<Mappings> {
    private static final Logger LOG = LoggerFactory.getLogger(LiveMappings.class);

    private final Path configDir;
    private final Set<String> connectionNames;
    private final AtomicReference<Mappings> current;

    /** Loads the files now; a problem here stops the engine's start, with file and line. */
    public LiveMappings(Path configDir, Set<String> connectionNames) {
        this.configDir = configDir;
        this.connectionNames = Set.copyOf(connectionNames);
        this.current = new AtomicReference<>(MappingFiles.load(configDir, connectionNames));
    }

    @Override
    public Mappings get() {
        return current.get();
    }

    /**
     * Reads the files again after the named ones changed; answers whether the new version is now in use. All files
     * are read, since one setting may refer to another file's, but the log names the edited ones.
     */
    public boolean reload(Collection<String> changedFiles) {
        String edited = changedFiles.stream().map(name -> configDir.resolve(name).toString()).collect(Collectors.joining(", "));
        try {
            current.set(MappingFiles.load(configDir, connectionNames));
            LOG.info("Mapping files reloaded after {} changed", edited);
            return true;
        } catch (MappingConfigException e) {
            LOG.warn("Mapping files not reloaded after {} changed; the previous version keeps serving: {}", edited,
                    e.getMessage());
            return false;
        }
    }
}
