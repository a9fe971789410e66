package io.switchboard.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The describes check-connection saved for one connection, one file per object in
 * {@code DATA_DIR/describes/CONNECTION/SOBJECT.json}, so that validate can check the mappings without the org.
 */
public final class SavedDescribes {
    /** Salesforce's object API names; anything else a mapping names is never made into a file name. */
    private static final Pattern SOBJECT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final String SUFFIX = ".json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String connection;
    private final Path folder;

    public SavedDescribes(Path dataDir, String connection) {
        this.connection = connection;
        this.folder = dataDir.resolve("describes").resolve(connection).normalize();
    }

    public String connection() {
        return connection;
    }

    public Path folder() {
        return folder;
    }

    /** Whether the object's describe can be saved: its name is one Salesforce could answer for. */
    public static boolean savable(String sobject) {
        return SOBJECT_NAME.matcher(sobject).matches();
    }

    /**
     * Replaces the object's file in one step: written whole to a temporary file in the same folder, forced to disk,
     * then moved over the old one, so that a crash leaves either the previous file or the new one.
     */
    public void save(SavedDescribe describe) {
        if (!savable(describe.sobject())) {
            throw new IllegalArgumentException("'" + describe.sobject() + "' is not a Salesforce object name");
        }
        Path target = folder.resolve(describe.sobject() + SUFFIX);
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "." + describe.sobject(), ".tmp");
            write(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(describe.toJson()));
            move(temporary, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the describe of " + describe.sobject() + " in " + folder, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file starts with a dot and is never read; the next save makes another
        }
    }

    /** Every saved describe of this connection; a file that cannot be read is listed with the reason, not thrown. */
    public SavedSchema read() {
        Map<String, SavedDescribe> describes = new LinkedHashMap<>();
        List<UnreadableFile> unreadable = new ArrayList<>();
        for (Path file : files(unreadable)) {
            String name = file.getFileName().toString();
            String sobject = name.substring(0, name.length() - SUFFIX.length());
            try {
                SavedDescribe describe = SavedDescribe.fromJson(JSON.readTree(file.toFile()));
                if (!describe.connection().equals(connection) || !describe.sobject().equals(sobject)) {
                    unreadable.add(new UnreadableFile(file, "holds " + describe.sobject() + " of connection '"
                            + describe.connection() + "', not " + sobject + " of '" + connection + "'"));
                } else {
                    describes.put(sobject, describe);
                }
            } catch (JsonProcessingException e) {
                unreadable.add(new UnreadableFile(file, "not valid JSON: " + e.getOriginalMessage()));
            } catch (IllegalArgumentException e) {
                unreadable.add(new UnreadableFile(file, e.getMessage()));
            } catch (IOException e) {
                unreadable.add(new UnreadableFile(file, "cannot be read (" + e.getClass().getSimpleName() + ")"));
            }
        }
        return new SavedSchema(connection, folder, describes, unreadable);
    }

    private List<Path> files(List<UnreadableFile> unreadable) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> {
                String name = file.getFileName().toString();
                return name.endsWith(SUFFIX) && !name.startsWith(".");
            }).sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            unreadable.add(new UnreadableFile(folder, "cannot be listed (" + e.getClass().getSimpleName() + ")"));
            return List.of();
        }
    }
}
