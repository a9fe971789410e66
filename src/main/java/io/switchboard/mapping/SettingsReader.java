package io.switchboard.mapping;

import io.switchboard.events.EventType;
import io.switchboard.mapping.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the building blocks every mapping file shares (value sources, templates, field maps, fixed choices and
 * on/off switches) for one event type, so that a variable the event does not have is refused at load time,
 * with the file, the line and the variables it does have.
 */
final class SettingsReader {
    private static final String CUSTOM_PREFIX = "variables.";
    private static final String LABEL_KEY = "key";

    private final EventType eventType;
    private final Set<String> variables;

    SettingsReader(EventType eventType) {
        this.eventType = eventType;
        this.variables = EventVariables.names(eventType);
    }

    /**
     * A value: {@code {string: ...}}, {@code {variable: ...}}, {@code {customVariable: ...}} or, where allowed,
     * {@code {picklist: ...}}; a bare value is a string.
     */
    Optional<ValueSource> source(YamlNode node, boolean picklistAllowed) {
        if (node.isScalar()) {
            return node.text().map(ValueSource::string);
        }
        Set<ValueSource.Kind> allowed = picklistAllowed ? EnumSet.allOf(ValueSource.Kind.class)
                : EnumSet.complementOf(EnumSet.of(ValueSource.Kind.PICKLIST));
        Map<String, YamlNode> entries = node.entries();
        List<ValueSource.Kind> given = allowed.stream().filter(kind -> entries.containsKey(kind.key())).toList();
        if (given.size() != 1) {
            node.problem("expected exactly one of " + keys(allowed) + (given.isEmpty() ? "" : ", got " + keys(given)));
            return Optional.empty();
        }
        ValueSource.Kind kind = given.get(0);
        YamlNode value = entries.get(kind.key());
        return value.text().flatMap(text -> checked(value, new ValueSource(kind, text.strip())));
    }

    /** Parts joined by a space (a list), or a written template with {@code {variable}} placeholders (a text). */
    Optional<Template> parts(YamlNode node) {
        if (node.isScalar()) {
            return node.text().flatMap(text -> placeholders(node, text));
        }
        List<Template.Segment> segments = new ArrayList<>();
        for (YamlNode item : node.items()) {
            source(item, false).map(Template.Segment::of).ifPresent(segments::add);
        }
        return Optional.of(new Template(segments, Template.PARTS));
    }

    /** Lines joined by a newline: each a value, or {@code {key: Label, <value>}} for a {@code Label: value} line. */
    Optional<Template> lines(YamlNode node) {
        List<Template.Segment> segments = new ArrayList<>();
        for (YamlNode item : node.items()) {
            Optional<String> label = item.isMapping() ? item.optionalText(LABEL_KEY) : Optional.empty();
            if (item.isMapping()) {
                item.allowOnly(List.of(LABEL_KEY, "string", "variable", "customVariable"));
            }
            source(item, false).ifPresent(value -> segments.add(new Template.Segment(label.orElse(null), value)));
        }
        return Optional.of(new Template(segments, Template.LINES));
    }

    /** {@code SalesforceField: <value>} entries, in file order. */
    List<FieldMapping> fieldMap(YamlNode node, boolean picklistAllowed) {
        List<FieldMapping> fields = new ArrayList<>();
        node.entries().forEach((field, value) -> source(value, picklistAllowed)
                .ifPresent(source -> fields.add(new FieldMapping(field, source, value.line()))));
        return fields;
    }

    /** The value of {@code key} among the choice's labels (any case); {@code fallback} when not set. */
    <E extends Enum<E> & Choice> Optional<E> choice(YamlNode parent, String key, Class<E> type, E fallback) {
        Optional<YamlNode> node = parent.get(key);
        if (node.isEmpty()) {
            return Optional.ofNullable(fallback);
        }
        Optional<String> text = node.get().text().map(String::strip);
        if (text.isEmpty()) {
            return Optional.ofNullable(fallback);
        }
        E[] values = type.getEnumConstants();
        Optional<E> chosen = Arrays.stream(values).filter(value -> value.label().equalsIgnoreCase(text.get())).findFirst();
        if (chosen.isEmpty()) {
            node.get().problem("expected one of " + Arrays.stream(values).map(Choice::label)
                    .collect(Collectors.joining(", ")) + "; got '" + text.get() + "'");
        }
        return chosen;
    }

    /** {@code on}/{@code off} (also {@code true}/{@code false}, any case); {@code fallback} when not set. */
    Optional<Boolean> onOff(YamlNode parent, String key, boolean fallback) {
        Optional<YamlNode> node = parent.get(key);
        if (node.isEmpty()) {
            return Optional.of(fallback);
        }
        Optional<String> text = node.get().text().map(String::strip);
        if (text.isEmpty()) {
            return Optional.of(fallback);
        }
        return switch (text.get().toLowerCase(Locale.ROOT)) {
            case "on", "true" -> Optional.of(true);
            case "off", "false" -> Optional.of(false);
            default -> {
                node.get().problem("expected on or off; got '" + text.get() + "'");
                yield Optional.empty();
            }
        };
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when not set. */
    Optional<Integer> wholeNumber(YamlNode parent, String key, int min, int max, int fallback) {
        Optional<YamlNode> node = parent.get(key);
        Optional<String> text = node.flatMap(YamlNode::text).map(String::strip).filter(value -> !value.isEmpty());
        if (text.isEmpty()) {
            return Optional.of(fallback);
        }
        try {
            int number = Integer.parseInt(text.get());
            if (number >= min && number <= max) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // reported below with the range expected
        }
        node.get().problem("expected a whole number from " + min + " to " + max + "; got '" + text.get() + "'");
        return Optional.empty();
    }

    /** A list of texts, each non-empty. */
    List<String> texts(YamlNode node) {
        List<String> texts = new ArrayList<>();
        for (YamlNode item : node.items()) {
            item.text().map(String::strip).filter(text -> !text.isEmpty()).ifPresentOrElse(texts::add,
                    () -> item.problem("expected a non-empty value"));
        }
        return texts;
    }

    /** A variable name for conditions: a call variable, or {@code variables.NAME} for a custom one. */
    Optional<ValueSource> variableNamed(YamlNode node, String name) {
        if (name.startsWith(CUSTOM_PREFIX) && EventVariables.hasCustomVariables(eventType)) {
            return Optional.of(ValueSource.customVariable(name.substring(CUSTOM_PREFIX.length())));
        }
        return checked(node, ValueSource.variable(name));
    }

    private Optional<Template> placeholders(YamlNode node, String text) {
        List<ValueSource> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('{', at);
            if (open < 0) {
                parts.add(ValueSource.string(text.substring(at)));
                break;
            }
            int close = text.indexOf('}', open);
            if (close < 0) {
                node.problem("'{' at position " + (open + 1) + " is not closed; write variables as {name}");
                return Optional.empty();
            }
            if (open > at) {
                parts.add(ValueSource.string(text.substring(at, open)));
            }
            String name = text.substring(open + 1, close).strip();
            Optional<ValueSource> variable = variableNamed(node, name);
            if (variable.isEmpty()) {
                return Optional.empty();
            }
            parts.add(variable.get());
            at = close + 1;
        }
        return Optional.of(Template.concatenated(parts));
    }

    private Optional<ValueSource> checked(YamlNode node, ValueSource source) {
        if (source.value().isEmpty()) {
            node.problem("is empty; expected a " + source.kind().key() + " value");
            return Optional.empty();
        }
        if (source.kind() == ValueSource.Kind.VARIABLE && !variables.contains(source.value())) {
            node.problem("unknown variable '" + source.value() + "'; a " + eventType.path() + " event has "
                    + String.join(", ", variables));
            return Optional.empty();
        }
        if (source.kind() == ValueSource.Kind.CUSTOM_VARIABLE && !EventVariables.hasCustomVariables(eventType)) {
            node.problem("customVariable is only available for call events; use a variable");
            return Optional.empty();
        }
        return Optional.of(source);
    }

    private static String keys(Collection<ValueSource.Kind> kinds) {
        return kinds.stream().map(ValueSource.Kind::key).collect(Collectors.joining(", "));
    }
}
