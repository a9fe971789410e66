package io.switchboard.routes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an operator needs from Camel's failure to load or start a route file: the innermost cause's sentence
 * (Camel wraps it in several layers of its own) and the line the YAML DSL names in its messages.
 */
public final class RouteFailures {
    private static final Pattern LINE_IN_MESSAGE = Pattern.compile("line (\\d+)");

    private RouteFailures() {
    }

    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** @return the first "line N" any message in the chain names, or 0 */
    public static int lineIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher matcher = LINE_IN_MESSAGE.matcher(String.valueOf(t.getMessage()));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
        }
        return 0;
    }
}
