package io.switchboard.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link Template} for one event. Parts and lines whose value the event left out are dropped, so an
 * absent queue gives {@code [xCALLY Ticket] +39...} rather than a double space or an empty {@code Queue:} line.
 */
public final class RenderTemplate {

    public String render(Template template, EventVariables variables) {
        if (Template.CONCATENATED.equals(template.separator())) {
            StringBuilder text = new StringBuilder();
            template.segments().forEach(segment -> text.append(renderSegment(segment, variables)));
            return text.toString();
        }
        List<String> rendered = new ArrayList<>();
        for (Template.Segment segment : template.segments()) {
            if (!segment.value().render(variables).isEmpty()) {
                rendered.add(renderSegment(segment, variables));
            }
        }
        return String.join(template.separator(), rendered);
    }

    private static String renderSegment(Template.Segment segment, EventVariables variables) {
        String value = segment.value().render(variables);
        return segment.label() == null ? value : segment.label() + ": " + value;
    }
}
