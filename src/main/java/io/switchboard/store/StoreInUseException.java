package io.switchboard.store;

import java.nio.file.Path;

/**
 * The embedded store's file is held by another process, almost always an engine running on the same data folder:
 * H2's embedded mode lets one process open it at a time. Commands say what to do instead.
 */
public final class StoreInUseException extends StoreException {
    private final Path dataDir;

    StoreInUseException(Path dataDir, Throwable cause) {
        super("an engine is running on the data folder " + dataDir + " (SWITCHBOARD_DATA_DIR)", cause);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
