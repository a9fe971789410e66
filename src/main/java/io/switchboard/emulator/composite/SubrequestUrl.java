package io.switchboard.emulator.composite;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subrequest url split into the path the dispatcher routes (relative to {@code /services/data/vNN.N}) and its
 * decoded query parameters. The emulator answers one API version, so any other version is a resource that
 * does not exist, as is anything outside {@code /services/data}.
 *
 * @param path still percent-encoded, as a path arrives over HTTP: the resource decodes each segment itself, so
 *             that an encoded '/' in an external id stays inside its segment; starting with '/', without a
 *             trailing slash
 */
record SubrequestUrl(String path, Map<String, String> query) {
    private static final Pattern FORM = Pattern.compile("/services/data/v(\\d+\\.\\d+)(/[^?]*)(?:\\?(.*))?");

    SubrequestUrl {
        query = Map.copyOf(query);
    }

    static SubrequestUrl parse(String url, String apiVersion) {
        Matcher matcher = FORM.matcher(url);
        if (!matcher.matches() || !matcher.group(1).equals(apiVersion)) {
            throw CompositeErrors.notFound();
        }
        String path = withoutTrailingSlash(matcher.group(2));
        if (path.isEmpty()) {
            throw CompositeErrors.notFound();
        }
        return new SubrequestUrl(path, parseQuery(matcher.group(3)));
    }

    /** Whether the path is {@code prefix} itself or lies below it. */
    boolean isUnder(String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String withoutTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Map<String, String> parseQuery(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(decode(name), decode(value));
        }
        return query;
    }

    /** Clients also send SOQL unencoded; text that is not valid percent-encoding is taken as it stands. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return text;
        }
    }
}
