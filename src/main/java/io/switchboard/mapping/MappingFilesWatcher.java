package io.switchboard.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Reloads the mapping files when a {@code *.yaml} file in {@code config/} changes. Editors write a file in several
 * steps, so it waits for a short quiet spell before reloading once.
 */
public final class MappingFilesWatcher implements AutoCloseable {
    private static final long QUIET_MILLIS = 300;

    private final WatchService watchService;
    private final Thread thread;

    private MappingFilesWatcher(Path configDir, LiveMappings mappings) throws IOException {
        this.watchService = FileSystems.getDefault().newWatchService();
        configDir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = new Thread(() -> watch(mappings), "mapping-files-watcher");
        thread.setDaemon(true);
    }

    public static MappingFilesWatcher start(Path configDir, LiveMappings mappings) {
        try {
            MappingFilesWatcher watcher = new MappingFilesWatcher(configDir, mappings);
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + configDir + " for edited mapping files", e);
        }
    }

    private void watch(LiveMappings mappings) {
        try {
            while (true) {
                WatchKey key = watchService.take();
                Set<String> changed = new TreeSet<>(drain(key));
                WatchKey more;
                while ((more = watchService.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    changed.addAll(drain(more));
                }
                if (!changed.isEmpty()) {
                    mappings.reload(changed);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    /** The names of the YAML files the key's events are about. */
    private static Set<String> drain(WatchKey key) {
        Set<String> yamlFiles = new TreeSet<>();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path file && file.getFileName().toString().endsWith(".yaml")) {
                yamlFiles.add(file.getFileName().toString());
            }
        }
        key.reset();
        return yamlFiles;
    }

    @Override
    public void close() {
        try {
            watchService.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
