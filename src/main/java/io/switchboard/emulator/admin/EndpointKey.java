package io.switchboard.emulator.admin;

import java.util.Arrays;
import java.util.List;

/** Names the endpoint of a request for the counters, with ids and names replaced: {@code POST /sobjects/{type}}. */
public final class EndpointKey {
    private static final String DATA_PREFIX = "/services/data/v";

    private EndpointKey() {
    }

    public static String of(String method, String rawPath) {
        if (rawPath.startsWith("/id/")) {
            return method + " /id/{orgId}/{userId}";
        }
        if (!rawPath.startsWith(DATA_PREFIX)) {
            return method + " " + rawPath;
        }
        List<String> segments = Arrays.stream(rawPath.substring(DATA_PREFIX.length()).split("/"))
                .skip(1).filter(segment -> !segment.isEmpty()).toList();
        return method + " " + template(segments);
    }

    private static String template(List<String> segments) {
        if (segments.isEmpty()) {
            return "/";
        }
        int size = segments.size();
        return switch (segments.get(0)) {
            case "sobjects" -> switch (size) {
                case 1 -> "/sobjects";
                case 2 -> "/sobjects/{type}";
                case 3 -> switch (segments.get(2)) {
                    case "describe", "updated", "deleted" -> "/sobjects/{type}/" + segments.get(2);
                    default -> "/sobjects/{type}/{id}";
                };
                default -> "/sobjects/{type}/{field}/{value}";
            };
            case "query", "queryAll" -> "/" + segments.get(0) + (size > 1 ? "/{locator}" : "");
            case "composite" -> composite(segments);
            case "jobs" -> jobs(segments);
            default -> "/" + segments.get(0);
        };
    }

    /** {@code /jobs/ingest}, {@code /jobs/ingest/{jobId}}, then the job's resource: {@code .../{jobId}/batches}. */
    private static String jobs(List<String> segments) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            key.append('/').append(i == 2 ? "{jobId}" : segments.get(i));
        }
        return key.toString();
    }

    private static String composite(List<String> segments) {
        if (segments.size() == 1) {
            return "/composite";
        }
        String kind = segments.get(1);
        if (kind.equals("tree")) {
            return "/composite/tree/{type}";
        }
        if (kind.equals("sobjects") && segments.size() > 2) {
            return "/composite/sobjects/{type}/{field}";
        }
        return "/composite/" + kind;
    }
}
