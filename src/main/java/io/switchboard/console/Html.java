package io.switchboard.console;

import java.util.List;
import java.util.Objects;

/**
 * Markup for the console's pages, escaped by default. A value becomes markup only through {@link #text} (escaped) or
 * as an argument of {@link #of} (escaped unless it is markup already); {@link #markup} is for the console's own
 * constant tags. So a {@code <script>} in an event's text is shown as text wherever the event is rendered.
 */
public final class Html {
    private static final Html EMPTY = new Html("");
    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /** The console's own markup, written in its code: never a value read from a request or an event. */
    public static Html markup(String trusted) {
        return new Html(trusted);
    }

    /** Any value as text: &amp;, &lt;, &gt;, both quotes escaped, so it is safe between tags and in attributes. */
    public static Html text(Object value) {
        return new Html(escape(value == null ? "" : value.toString()));
    }

    /**
     * The template with each {@code {}} replaced by the next value, escaped unless it is {@link Html} already. The
     * template is the console's own; too few or too many values is a programming error.
     */
    public static Html of(String template, Object... values) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int from = 0;
        int used = 0;
        for (int at = template.indexOf("{}"); at >= 0; at = template.indexOf("{}", from)) {
            if (used == values.length) {
                throw new IllegalArgumentException("more {} than values in: " + template);
            }
            out.append(template, from, at).append(values[used] instanceof Html html ? html.markup : escape(
                    Objects.toString(values[used], "")));
            used++;
            from = at + 2;
        }
        if (used != values.length) {
            throw new IllegalArgumentException("more values than {} in: " + template);
        }
        return new Html(out.append(template, from, template.length()).toString());
    }

    public static Html join(List<Html> parts) {
        StringBuilder out = new StringBuilder();
        parts.forEach(part -> out.append(part.markup));
        return new Html(out.toString());
    }

    public static Html empty() {
        return EMPTY;
    }

    public static String escape(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }

    @Override
    public String toString() {
        return markup;
    }
}
