package io.switchboard.mapping;

import io.switchboard.config.ConnectionOptions;
import io.switchboard.events.EventType;
import io.switchboard.mapping.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code config/call.yaml} into a {@link CallMapping}: triggers first checked against the configurations. */
final class CallFile {
    private static final SettingsReader READER = new SettingsReader(EventType.CALL);
    private static final String PRESENT = "present";
    private static final String ABSENT = "absent";

    private CallFile() {
    }

    static Optional<CallMapping> read(YamlNode root) {
        root.allowOnly(List.of("triggers", "configurations"));
        Map<String, CallConfiguration> configurations = new LinkedHashMap<>();
        boolean complete = true;
        Optional<YamlNode> configurationsNode = root.get("configurations");
        if (configurationsNode.isEmpty()) {
            root.problem("missing 'configurations'; expected named configurations that triggers refer to");
            return Optional.empty();
        }
        for (Map.Entry<String, YamlNode> entry : configurationsNode.get().entries().entrySet()) {
            Optional<CallConfiguration> configuration = configuration(entry.getKey(), entry.getValue());
            configuration.ifPresent(c -> configurations.put(c.name(), c));
            complete &= configuration.isPresent();
        }
        List<Trigger> triggers = new ArrayList<>();
        for (YamlNode node : root.get("triggers").map(YamlNode::items).orElse(List.of())) {
            Optional<Trigger> trigger = trigger(node, configurationsNode.get().entries().keySet());
            trigger.ifPresent(triggers::add);
            complete &= trigger.isPresent();
        }
        if (root.get("triggers").isEmpty()) {
            root.problem("missing 'triggers'; expected a list of triggers choosing which calls to write");
        }
        if (!complete || triggers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CallMapping(root.file(), triggers, configurations,
                objectUses(root, triggers, configurations, configurationsNode.get())));
    }

    private static Optional<Trigger> trigger(YamlNode node, Set<String> configurationNames) {
        node.allowOnly(List.of("name", "active", "when", "connection", "configuration"));
        Optional<String> name = node.requiredText("name", "a name for the trigger");
        Optional<Boolean> active = READER.onOff(node, "active", true);
        String connection = node.optionalText("connection").orElse(ConnectionOptions.DEFAULT);
        Optional<String> configuration = node.requiredText("configuration", "the name of one of the configurations");
        configuration.filter(c -> !configurationNames.contains(c)).ifPresent(c -> node.get("configuration").get()
                .problem("no configuration named '" + c + "'; configurations are " + String.join(", ", configurationNames)));
        List<Condition> conditions = new ArrayList<>();
        boolean conditionsValid = true;
        for (Map.Entry<String, YamlNode> entry : node.get("when").map(YamlNode::entries).orElse(Map.of()).entrySet()) {
            Optional<Condition> condition = condition(entry.getKey(), entry.getValue());
            condition.ifPresent(conditions::add);
            conditionsValid &= condition.isPresent();
        }
        if (name.isEmpty() || active.isEmpty() || configuration.isEmpty() || !conditionsValid
                || !configurationNames.contains(configuration.get())) {
            return Optional.empty();
        }
        return Optional.of(new Trigger(name.get(), node.line(), active.get(), conditions, connection, configuration.get()));
    }

    /** {@code name: value}, {@code name: [value, value]}, {@code name: present} or {@code name: absent}. */
    private static Optional<Condition> condition(String name, YamlNode value) {
        Optional<ValueSource> variable = READER.variableNamed(value, name);
        if (variable.isEmpty()) {
            return Optional.empty();
        }
        boolean custom = variable.get().kind() == ValueSource.Kind.CUSTOM_VARIABLE;
        String variableName = variable.get().value();
        List<String> values = READER.texts(value);
        if (values.isEmpty()) {
            value.problem("expected a value, a list of values, present or absent");
            return Optional.empty();
        }
        if (values.size() == 1 && values.get(0).equalsIgnoreCase(PRESENT)) {
            return Optional.of(new Condition(variableName, custom, Condition.Test.PRESENT, List.of()));
        }
        if (values.size() == 1 && values.get(0).equalsIgnoreCase(ABSENT)) {
            return Optional.of(new Condition(variableName, custom, Condition.Test.ABSENT, List.of()));
        }
        return Optional.of(new Condition(variableName, custom, Condition.Test.ONE_OF, values));
    }

    private static Optional<CallConfiguration> configuration(String name, YamlNode node) {
        node.allowOnly(List.of("ticketType", "subject", "description", "fields", "search", "create"));
        Optional<TicketType> ticketType = READER.choice(node, "ticketType", TicketType.class, TicketType.TASK);
        Optional<Template> subject = node.get("subject").flatMap(READER::parts);
        if (node.get("subject").isEmpty()) {
            node.problem("missing 'subject'; expected a list of parts (string, variable or customVariable)");
        }
        Optional<Template> description = node.get("description").map(READER::lines)
                .orElse(Optional.of(new Template(List.of(), Template.LINES)));
        List<FieldMapping> fields = node.get("fields").map(f -> READER.fieldMap(f, true)).orElse(List.of());
        Optional<YamlNode> search = node.get("search");
        search.ifPresent(s -> s.allowOnly(List.of("module", "extraField")));
        Optional<SearchModule> module = search.isEmpty() ? Optional.of(SearchModule.CONTACT_LEAD)
                : READER.choice(search.get(), "module", SearchModule.class, SearchModule.CONTACT_LEAD);
        String extraField = search.flatMap(s -> s.optionalText("extraField")).orElse(null);
        Optional<CreateModule> create = READER.choice(node, "create", CreateModule.class, CreateModule.NONE);
        if (ticketType.isEmpty() || subject.isEmpty() || description.isEmpty() || module.isEmpty() || create.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CallConfiguration(name, node.line(), ticketType.get(), subject.get(), description.get(),
                fields, module.get(), extraField, create.get()));
    }

    /** What each configuration an active trigger uses writes and searches, on the trigger's connection. */
    private static List<ObjectUse> objectUses(YamlNode root, List<Trigger> triggers,
                                              Map<String, CallConfiguration> configurations, YamlNode configurationsNode) {
        Set<String> seen = new LinkedHashSet<>();
        List<ObjectUse> uses = new ArrayList<>();
        for (Trigger trigger : triggers) {
            if (!trigger.active() || !seen.add(trigger.connection() + "/" + trigger.configuration())) {
                continue;
            }
            CallConfiguration configuration = configurations.get(trigger.configuration());
            YamlNode node = configurationsNode.entries().get(configuration.name());
            uses.add(new ObjectUse(root.file(), configuration.line(), trigger.connection(),
                    configuration.ticketType().sobject(), ticketUses(node, configuration)));
            for (SearchTarget target : configuration.searchTargets()) {
                int line = node.get("search").map(YamlNode::line).orElse(configuration.line());
                uses.add(new ObjectUse(root.file(), line, trigger.connection(), target.sobject(),
                        target.phoneFields().stream().map(f -> FieldUse.of(f, line, FieldUse.Purpose.PHONE_SEARCH)).toList()));
            }
        }
        return uses;
    }

    private static List<FieldUse> ticketUses(YamlNode node, CallConfiguration configuration) {
        List<FieldUse> uses = new ArrayList<>();
        uses.add(FieldUse.of("Subject", node.lineOf("subject"), FieldUse.Purpose.CREATE));
        if (!configuration.description().isEmpty()) {
            uses.add(FieldUse.of("Description", node.lineOf("description"), FieldUse.Purpose.CREATE));
        }
        for (FieldMapping field : configuration.fields()) {
            boolean fixed = field.source().kind() == ValueSource.Kind.PICKLIST
                    || field.source().kind() == ValueSource.Kind.STRING;
            uses.add(new FieldUse(field.field(), field.line(), FieldUse.Purpose.CREATE,
                    fixed ? List.of(field.source().value()) : List.of()));
        }
        return uses;
    }
}
