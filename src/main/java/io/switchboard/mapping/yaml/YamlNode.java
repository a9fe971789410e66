package io.switchboard.mapping.yaml;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One value of a mapping file with its dotted path ({@code configurations.inbound-call.search.module}) and line.
 * Reading a value of the wrong shape records a problem that names the path and what was expected, and answers
 * empty, so that reading can go on and report the next problem too.
 */
public final class YamlNode {
    private final Path file;
    private final Node node;
    private final String path;
    private final Problems problems;
    /** Read once, so that a duplicate key or a wrong shape is reported once however often it is asked for. */
    private Map<String, YamlNode> entries;
    private List<YamlNode> items;

    YamlNode(Path file, Node node, String path, Problems problems) {
        this.file = file;
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    public Path file() {
        return file;
    }

    public String path() {
        return path;
    }

    public int line() {
        return node.getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }

    /** The line of entry {@code key}, or of this mapping when the entry is absent. */
    public int lineOf(String key) {
        return get(key).map(YamlNode::line).orElse(line());
    }

    /** Records a problem about this value: {@code path: message}. */
    public void problem(String message) {
        problems.add(file, line(), (path.isEmpty() ? "" : path + ": ") + message);
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** True for {@code ~}, {@code null} and a key with nothing after it. */
    public boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** The text of a scalar; a list or mapping here is a problem. Empty for null values. */
    public Optional<String> text() {
        if (isNull()) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        problem("expected a single value, got " + shape());
        return Optional.empty();
    }

    /** A mapping's entries in file order; duplicate keys and a non-mapping value are problems. */
    public Map<String, YamlNode> entries() {
        if (entries == null) {
            entries = readEntries();
        }
        return entries;
    }

    private Map<String, YamlNode> readEntries() {
        Map<String, YamlNode> entries = new LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            if (!isNull()) {
                problem("expected a mapping of names to values, got " + shape());
            }
            return entries;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            YamlNode key = new YamlNode(file, tuple.getKeyNode(), path, problems);
            Optional<String> name = key.text();
            if (name.isEmpty()) {
                continue;
            }
            YamlNode value = new YamlNode(file, tuple.getValueNode(), childPath(name.get()), problems);
            if (entries.putIfAbsent(name.get(), value) != null) {
                key.problem("'" + name.get() + "' is set twice; keep one");
            }
        }
        return entries;
    }

    /** A sequence's items; a single value is accepted as a list of one. */
    public List<YamlNode> items() {
        if (items == null) {
            items = readItems();
        }
        return items;
    }

    private List<YamlNode> readItems() {
        if (node instanceof SequenceNode sequence) {
            return IntStream.range(0, sequence.getValue().size())
                    .mapToObj(i -> new YamlNode(file, sequence.getValue().get(i), path + "[" + i + "]", problems))
                    .toList();
        }
        if (isNull()) {
            return List.of();
        }
        if (node instanceof ScalarNode) {
            return List.of(this);
        }
        problem("expected a list, got " + shape());
        return List.of();
    }

    /** The entry {@code key} of this mapping, if present and not null. */
    public Optional<YamlNode> get(String key) {
        return Optional.ofNullable(entries().get(key)).filter(value -> !value.isNull());
    }

    /** The text of entry {@code key}; a problem naming {@code expected} when it is missing. */
    public Optional<String> requiredText(String key, String expected) {
        Optional<YamlNode> value = get(key);
        if (value.isEmpty()) {
            problem("missing '" + key + "'; expected " + expected);
            return Optional.empty();
        }
        return value.get().text().filter(text -> !text.isBlank()).or(() -> {
            value.get().problem("is empty; expected " + expected);
            return Optional.empty();
        });
    }

    /** The text of entry {@code key}, empty when it is missing or blank. */
    public Optional<String> optionalText(String key) {
        return get(key).flatMap(YamlNode::text).map(String::strip).filter(text -> !text.isEmpty());
    }

    /** Records a problem for every key of this mapping that is not one of {@code known}. */
    public void allowOnly(Collection<String> known) {
        allowOnly(known, Map.of());
    }

    /**
     * Records a problem for every key of this mapping that is not one of {@code known}; a key that has moved
     * elsewhere ({@code moved}: key to where it now belongs) is told where, so an older file says how to fix it.
     */
    public void allowOnly(Collection<String> known, Map<String, String> moved) {
        entries().forEach((key, value) -> {
            if (moved.containsKey(key)) {
                value.problem("has moved to " + moved.get(key));
            } else if (!known.contains(key)) {
                value.problem("unknown setting '" + key + "'; expected one of " + String.join(", ", known));
            }
        });
    }

    private String childPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private String shape() {
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return "'" + ((ScalarNode) node).getValue() + "'";
    }
}
