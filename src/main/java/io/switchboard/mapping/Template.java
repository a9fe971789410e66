package io.switchboard.mapping;

import java.util.List;
import java.util.Objects;

/**
 * Text built from parts: a subject's parts joined by a space, a description's lines joined by a newline, or a
 * written template such as {@code "{customer.phone} [{conversationId}]"} whose parts are simply concatenated.
 * A segment with a label renders as {@code label: value}.
 */
public record Template(List<Segment> segments, String separator) {
    public static final String PARTS = " ";
    public static final String LINES = "\n";
    public static final String CONCATENATED = "";

    /** One part or line: a value, optionally labelled. */
    public record Segment(String label, ValueSource value) {
        public Segment {
            Objects.requireNonNull(value, "value");
        }

        public static Segment of(ValueSource value) {
            return new Segment(null, value);
        }
    }

    public Template {
        segments = List.copyOf(segments);
    }

    public static Template concatenated(List<ValueSource> parts) {
        return new Template(parts.stream().map(Segment::of).toList(), CONCATENATED);
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }
}
