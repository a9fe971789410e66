package io.switchboard.mapping.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a YAML file into nodes that keep their line numbers, so that every later problem can name the line an
 * operator has to change. Syntax errors become problems too, never exceptions.
 */
public final class YamlFile {
    private YamlFile() {
    }

    /** The document's root, or empty when the file is missing, empty or not YAML (a problem is then recorded). */
    public static Optional<YamlNode> read(Path file, Problems problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(file, 0, "file not found");
            return Optional.empty();
        }
        try {
            return parse(file, Files.readString(file, StandardCharsets.UTF_8), problems);
        } catch (IOException e) {
            problems.add(file, 0, "cannot read: " + e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<YamlNode> parse(Path file, String text, Problems problems) {
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
            Optional<YamlNode> root = new Compose(settings).composeString(text)
                    .map(node -> new YamlNode(file, node, "", problems));
            if (root.isEmpty()) {
                problems.add(file, 0, "file is empty; expected the mapping settings");
            }
            return root;
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(mark -> mark.getLine() + 1).orElse(0);
            problems.add(file, line, "invalid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            problems.add(file, 0, "invalid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }
}
