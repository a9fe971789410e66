package io.switchboard.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The REST API versions the emulator serves, 31.0 to 66.0, and their release names. */
final class ApiVersions {
    static final int OLDEST = 31;
    static final int NEWEST = 66;
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.0");
    private static final String[] SEASONS = {"Spring", "Winter", "Summer"};

    private ApiVersions() {
    }

    /** The version number of a path segment such as {@code v60.0}, when it is one the emulator serves. */
    static Optional<String> parse(String segment) {
        Matcher matcher = VERSION.matcher(segment);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(matcher.group(1));
        return major >= OLDEST && major <= NEWEST ? Optional.of(major + ".0") : Optional.empty();
    }

    static String newest() {
        return NEWEST + ".0";
    }

    /** The answer of {@code GET /services/data}. */
    static List<Map<String, String>> list() {
        List<Map<String, String>> versions = new ArrayList<>();
        for (int major = OLDEST; major <= NEWEST; major++) {
            Map<String, String> version = new LinkedHashMap<>();
            version.put("label", label(major));
            version.put("url", "/services/data/v" + major + ".0");
            version.put("version", major + ".0");
            versions.add(version);
        }
        return versions;
    }

    /** Three releases a year, counted back from Spring '26 (66.0). */
    private static String label(int major) {
        int releasesBack = NEWEST - major;
        int year = 26 - (releasesBack + 1) / 3;
        return SEASONS[releasesBack % 3] + " '" + String.format("%02d", year);
    }
}
