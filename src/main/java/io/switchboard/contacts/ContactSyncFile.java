package io.switchboard.contacts;

import io.switchboard.config.ConfigException;
import io.switchboard.config.ConnectionOptions;
import io.switchboard.config.Option;
import io.switchboard.config.Secret;
import io.switchboard.mapping.FieldUse;
import io.switchboard.mapping.MappingProblem;
import io.switchboard.mapping.ObjectUse;
import io.switchboard.mapping.yaml.Problems;
import io.switchboard.mapping.yaml.YamlFile;
import io.switchboard.mapping.yaml.YamlNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads {@code config/contact-sync.yaml}: every problem named with its line, and nothing half read. A Contact field
 * may be mapped once, and a source value once in each direction, so that no value has two places to go.
 */
public final class ContactSyncFile {
    public static final String NAME = "contact-sync.yaml";
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final List<String> KEYS = List.of("source", "connection", "fields", "match", "onSourceDelete",
            "delivery");

    private ContactSyncFile() {
    }

    public static Path file(Path configDir) {
        return configDir.resolve(NAME);
    }

    /**
     * @param environment the variables that override the delivery settings
     * @throws io.switchboard.mapping.MappingConfigException with every problem found
     */
    public static ContactSync load(Path configDir, UnaryOperator<String> environment) {
        Problems problems = new Problems();
        Optional<ContactSync> sync = YamlFile.read(file(configDir), problems).flatMap(root -> read(root, environment));
        problems.throwIfAny();
        return sync.orElseThrow();
    }

    /** Every problem of the file and its overriding variables; empty when they are valid. For {@code validate}. */
    public static List<MappingProblem> validate(Path configDir, UnaryOperator<String> environment) {
        Problems problems = new Problems();
        YamlFile.read(file(configDir), problems).flatMap(root -> read(root, environment));
        return problems.list();
    }

    private static Optional<ContactSync> read(YamlNode root, UnaryOperator<String> environment) {
        root.allowOnly(KEYS);
        Optional<String> source = root.requiredText("source", "the source platform's name as its events give it, such as cinnox");
        String connection = root.optionalText("connection").orElse(ConnectionOptions.DEFAULT);
        List<ContactField> fields = root.get("fields").map(ContactSyncFile::fields).orElseGet(() -> {
            root.problem("missing 'fields'; expected the field map, a list of {source, salesforce, direction}");
            return List.of();
        });
        // every Contact field named, with its line and what the sync does with it, for checking against describe
        List<FieldUse> uses = new ArrayList<>();
        fields.forEach(field -> uses.add(FieldUse.of(field.salesforceField(), field.line(),
                field.direction().toSalesforce() ? FieldUse.Purpose.UPSERT : FieldUse.Purpose.READ)));
        YamlNode match = root.get("match").orElse(null);
        List<String> phoneFields = List.of();
        List<String> emailFields = List.of();
        if (match != null) {
            match.allowOnly(List.of("phoneFields", "emailFields"));
            phoneFields = match.get("phoneFields").map(list -> fieldNames(list, FieldUse.Purpose.PHONE_SEARCH, uses))
                    .orElse(List.of());
            emailFields = match.get("emailFields").map(list -> fieldNames(list, FieldUse.Purpose.READ, uses))
                    .orElse(List.of());
        }
        OnSourceDelete onSourceDelete = root.get("onSourceDelete").flatMap(ContactSyncFile::onSourceDelete)
                .orElse(OnSourceDelete.UNLINK);
        DeliverySettings delivery = delivery(root, environment);
        if (source.isEmpty() || delivery == null) {
            return Optional.empty();
        }
        ObjectUse contactUse = new ObjectUse(root.file(), root.lineOf("fields"), connection, ContactSteps.CONTACT, uses);
        return Optional.of(new ContactSync(root.file(), source.get(), connection, fields, phoneFields, emailFields,
                onSourceDelete, delivery, contactUse));
    }

    /** Each setting from its variable, else from the file's delivery block, else its default; null when invalid. */
    private static DeliverySettings delivery(YamlNode root, UnaryOperator<String> environment) {
        Optional<YamlNode> block = root.get("delivery");
        block.ifPresent(node -> node.entries().forEach((key, value) -> {
            if (key.equalsIgnoreCase("secret")) {
                value.problem("the secret is never kept in a file; set " + ContactSyncOptions.SECRET.envName());
            } else if (!List.of("enabled", "url", "intervalSeconds").contains(key)) {
                value.problem("unknown setting '" + key + "'; expected one of enabled, url, intervalSeconds");
            }
        }));
        YamlNode where = block.orElse(root);
        Boolean enabled = setting(ContactSyncOptions.ENABLED, block, environment, root);
        String url = setting(ContactSyncOptions.URL, block, environment, root);
        Integer interval = setting(ContactSyncOptions.INTERVAL_SECONDS, block, environment, root);
        Secret secret = Secret.ofNullable(environment.apply(ContactSyncOptions.SECRET.envName()));
        if (enabled == null || interval == null) {
            return null;
        }
        if (enabled && url == null) {
            where.problem("the sync is enabled but has no url: set " + ContactSyncOptions.URL.envName()
                    + " or delivery.url to an http or https URL");
            return null;
        }
        if (enabled && secret == null) {
            where.problem("the sync is enabled but " + ContactSyncOptions.SECRET.envName()
                    + " is not set: deliveries are signed with it, so it is required");
            return null;
        }
        return new DeliverySettings(enabled, url, Duration.ofSeconds(interval), secret);
    }

    private static <T> T setting(Option<T> option, Optional<YamlNode> block, UnaryOperator<String> environment,
                                 YamlNode root) {
        String fromEnvironment = environment.apply(option.envName());
        YamlNode at = block.flatMap(node -> node.get(option.key())).orElse(block.orElse(root));
        String raw = fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment
                : block.flatMap(node -> node.optionalText(option.key())).orElse(null);
        try {
            return option.valueOf(raw);
        } catch (ConfigException e) {
            at.problem(e.getMessage());
            return null;
        }
    }

    private static List<ContactField> fields(YamlNode list) {
        List<ContactField> fields = new ArrayList<>();
        Map<String, YamlNode> salesforceFields = new HashMap<>();
        Map<String, YamlNode> toSalesforce = new HashMap<>();
        Map<String, YamlNode> toSource = new HashMap<>();
        for (YamlNode entry : list.items()) {
            entry.allowOnly(List.of("source", "salesforce", "direction"));
            Optional<SourcePath> source = entry.requiredText("source", SourcePath.EXPECTED).flatMap(text -> {
                Optional<SourcePath> path = SourcePath.parse(text.strip());
                if (path.isEmpty()) {
                    entry.get("source").orElseThrow().problem("'" + text + "' is not a source contact field; expected "
                            + SourcePath.EXPECTED);
                }
                return path;
            });
            Optional<String> salesforce = entry.requiredText("salesforce", "a Contact field such as FirstName")
                    .map(String::strip).filter(name -> validName(entry.get("salesforce").orElseThrow(), name));
            Optional<Direction> direction = entry.requiredText("direction", "both, to-salesforce or to-source")
                    .flatMap(text -> {
                        Optional<Direction> read = Direction.of(text.strip());
                        if (read.isEmpty()) {
                            entry.get("direction").orElseThrow().problem("'" + text
                                    + "' is not a direction; expected both, to-salesforce or to-source");
                        }
                        return read;
                    });
            if (source.isEmpty() || salesforce.isEmpty() || direction.isEmpty()) {
                continue;
            }
            once(salesforceFields, salesforce.get().toLowerCase(Locale.ROOT), entry, "Contact field " + salesforce.get());
            if (direction.get().toSalesforce()) {
                once(toSalesforce, source.get().text(), entry, "source field " + source.get() + " (to Salesforce)");
            }
            if (direction.get().toSource()) {
                once(toSource, source.get().text(), entry, "source field " + source.get() + " (to the source)");
            }
            fields.add(new ContactField(source.get(), salesforce.get(), direction.get(), entry.line()));
        }
        return fields;
    }

    private static void once(Map<String, YamlNode> seen, String key, YamlNode entry, String what) {
        YamlNode first = seen.putIfAbsent(key, entry);
        if (first != null) {
            entry.problem(what + " is mapped twice (first at line " + first.line() + "); keep one");
        }
    }

    /** The names listed, each also noted in {@code uses} with its line and purpose. */
    private static List<String> fieldNames(YamlNode list, FieldUse.Purpose purpose, List<FieldUse> uses) {
        List<String> names = new ArrayList<>();
        for (YamlNode item : list.items()) {
            item.text().map(String::strip).filter(name -> validName(item, name)).ifPresent(name -> {
                names.add(name);
                uses.add(FieldUse.of(name, item.line(), purpose));
            });
        }
        return names;
    }

    /** Field names end up in SOQL, so nothing but a name gets there. */
    private static boolean validName(YamlNode node, String name) {
        if (FIELD_NAME.matcher(name).matches()) {
            return true;
        }
        node.problem("'" + name + "' is not a Salesforce field name: letters, digits and _ only, starting with a letter");
        return false;
    }

    private static Optional<OnSourceDelete> onSourceDelete(YamlNode node) {
        Optional<String> text = node.text().map(String::strip);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return switch (text.get()) {
            case "unlink" -> Optional.of(OnSourceDelete.UNLINK);
            case "delete" -> Optional.of(OnSourceDelete.DELETE);
            default -> {
                node.problem("'" + text.get() + "' is not a choice; expected unlink (the Contacts stay) or delete");
                yield Optional.empty();
            }
        };
    }
}
