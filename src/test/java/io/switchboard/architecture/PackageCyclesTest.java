package io.switchboard.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The capability packages ({@code intake}, {@code mapping}, {@code salesforce}, ...) depend on each other in one
 * direction only: a cycle means two packages are one, or a class sits in the wrong room.
 */
class PackageCyclesTest {
    private static final Path SOURCES = Path.of("src/main/java/io/switchboard");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.switchboard\\.(\\w+)", Pattern.MULTILINE);

    @Test
    void shouldHaveNoCycleBetweenCapabilityPackages() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        List<String> cycles = new ArrayList<>();
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                if (from.compareTo(to) < 0 && reaches(uses, to, from, new TreeSet<>())) {
                    cycles.add(from + " <-> " + to);
                }
            }
        }
        assertEquals(List.of(), cycles, "package dependencies: " + uses);
    }

    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String from = relative.getName(0).toString();
                Matcher imports = IMPORT.matcher(Files.readString(file));
                while (imports.find()) {
                    if (!imports.group(1).equals(from)) {
                        uses.computeIfAbsent(from, unused -> new TreeSet<>()).add(imports.group(1));
                    }
                }
            }
        }
        return uses;
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        return uses.getOrDefault(from, Set.of()).stream().anyMatch(next -> reaches(uses, next, target, seen));
    }
}
