package io.switchboard.referrals;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Reads {@code config/referral-send.yaml} and the variables that override its Case Xchange settings. */
public final class ReferralSendFile {
    public static final String NAME = "referral-send.yaml";
    /** Field names go into SOQL, so nothing but a field name's characters is taken. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
    private static final Pattern CX_NAME = FIELD_NAME;
    private static final List<String> KEYS = List.of("connection", "object", "sendField", "sendNumberField",
            "statusField", "cxIdField", "referenceNumberField", "sentStatus", "failedStatus", "rejectedStatus", "fields",
            "caseXchange");

    private ReferralSendFile() {
    }

    public static Path file(Path configDir) {
        return configDir.resolve(NAME);
    }

    /** @throws io.switchboard.mapping.MappingConfigException with every problem found */
    public static ReferralSendConfig load(Path configDir, UnaryOperator<String> environment) {
        Problems problems = new Problems();
        Optional<ReferralSendConfig> config = YamlFile.read(file(configDir), problems)
                .flatMap(root -> read(root, environment));
        problems.throwIfAny();
        return config.orElseThrow();
    }

    /** Every problem of the file and its overriding variables; empty when they are valid. For {@code validate}. */
    public static List<MappingProblem> validate(Path configDir, UnaryOperator<String> environment) {
        Problems problems = new Problems();
        YamlFile.read(file(configDir), problems).flatMap(root -> read(root, environment));
        return problems.list();
    }

    private static Optional<ReferralSendConfig> read(YamlNode root, UnaryOperator<String> environment) {
        root.allowOnly(KEYS);
        String connection = root.optionalText("connection").orElse(ConnectionOptions.DEFAULT);
        Optional<String> object = field(root, "object", "an object such as Referral__c");
        Optional<String> sendField = field(root, "sendField", "a checkbox field such as Send_To_Case_Xchange__c");
        Optional<String> sendNumber = field(root, "sendNumberField", "a number field such as CX_Send_Number__c");
        Optional<String> status = field(root, "statusField", "a picklist field such as Status__c");
        Optional<String> cxId = field(root, "cxIdField", "a text field such as CX_Id__c");
        Optional<String> reference = field(root, "referenceNumberField", "a text field such as CX_Reference_Number__c");
        Optional<String> sent = root.requiredText("sentStatus", "the status written once Case Xchange took a referral");
        Optional<String> failed = root.requiredText("failedStatus", "the status written when Case Xchange refused one");
        Optional<String> rejected = root.requiredText("rejectedStatus",
                "the status of a rejected referral, which may be sent again");
        // the fields sent are only read; their lines are kept for checking them against the org's describe
        List<FieldUse> sentUses = new ArrayList<>();
        Map<String, String> fields = root.get("fields").map(map -> fields(map, sentUses)).orElseGet(() -> {
            root.problem("missing 'fields'; expected the field map, Case Xchange name: Salesforce field");
            return Map.of();
        });
        CaseXchangeSettings caseXchange = caseXchange(root, environment);
        if (caseXchange == null || object.isEmpty() || sendField.isEmpty() || sendNumber.isEmpty() || status.isEmpty()
                || cxId.isEmpty() || reference.isEmpty() || sent.isEmpty() || failed.isEmpty() || rejected.isEmpty()) {
            return Optional.empty();
        }
        ObjectUse recordUse = recordUse(root, connection, object.get(), sentUses);
        return Optional.of(new ReferralSendConfig(root.file(), connection, object.get(), sendField.get(),
                sendNumber.get(), status.get(), cxId.get(), reference.get(), sent.get().strip(), failed.get().strip(),
                rejected.get().strip(), fields, caseXchange, recordUse));
    }

    /**
     * Every field of the object the send reads or writes, each on the line that names it, for {@code validate} and
     * {@code check-connection}: the send field is cleared and the answer's fields and status written back, so those
     * must be updateable; the send number and the mapped fields are only read. The rejected status is only compared,
     * but a value the picklist lacks would never match, so it is checked with the two written ones.
     */
    private static ObjectUse recordUse(YamlNode root, String connection, String object, List<FieldUse> sentUses) {
        List<FieldUse> uses = new ArrayList<>();
        uses.add(FieldUse.of(root.optionalText("sendField").orElseThrow().strip(), root.lineOf("sendField"),
                FieldUse.Purpose.UPDATE));
        uses.add(FieldUse.of(root.optionalText("sendNumberField").orElseThrow().strip(), root.lineOf("sendNumberField"),
                FieldUse.Purpose.READ));
        for (String key : List.of("cxIdField", "referenceNumberField")) {
            uses.add(FieldUse.of(root.optionalText(key).orElseThrow().strip(), root.lineOf(key), FieldUse.Purpose.UPDATE));
        }
        // each status on its own line, so that a value the picklist lacks is named where it is written
        String statusField = root.optionalText("statusField").orElseThrow().strip();
        for (String key : List.of("sentStatus", "failedStatus", "rejectedStatus")) {
            uses.add(new FieldUse(statusField, root.lineOf(key), FieldUse.Purpose.UPDATE,
                    List.of(root.optionalText(key).orElseThrow().strip())));
        }
        uses.addAll(sentUses);
        return new ObjectUse(root.file(), root.lineOf("object"), connection, object, uses);
    }

    private static Optional<String> field(YamlNode root, String key, String expected) {
        Optional<String> name = root.requiredText(key, expected).map(String::strip);
        if (name.isPresent() && !FIELD_NAME.matcher(name.get()).matches()) {
            root.get(key).orElse(root).problem("'" + name.get() + "' is not a Salesforce name; expected " + expected);
            return Optional.empty();
        }
        return name;
    }

    private static Map<String, String> fields(YamlNode map, List<FieldUse> uses) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (!map.isMapping()) {
            map.problem("expected the field map, Case Xchange name: Salesforce field, such as clientFirstName: First__c");
            return fields;
        }
        map.entries().forEach((name, value) -> {
            String field = value.text().map(String::strip).orElse("");
            if (!CX_NAME.matcher(name).matches() || name.equals("salesforceRecordId")) {
                value.problem("'" + name + "' cannot be a Case Xchange field name; expected letters, digits and _ "
                        + "(salesforceRecordId is sent anyway)");
            } else if (!FIELD_NAME.matcher(field).matches()) {
                value.problem("expected a Salesforce field such as Name, got '" + field + "'");
            } else {
                fields.put(name, field);
                uses.add(FieldUse.of(field, value.line(), FieldUse.Purpose.READ));
            }
        });
        return fields;
    }

    /** Each setting from its variable, else from the file's caseXchange block, else its default; null when invalid. */
    private static CaseXchangeSettings caseXchange(YamlNode root, UnaryOperator<String> environment) {
        Optional<YamlNode> block = root.get("caseXchange");
        block.ifPresent(node -> node.entries().forEach((key, value) -> {
            if (key.equalsIgnoreCase("clientSecret") || key.equalsIgnoreCase("secret")) {
                value.problem("the secret is never kept in a file; set " + ReferralSendOptions.CLIENT_SECRET.envName());
            } else if (!List.of("url", "clientId", "intervalSeconds").contains(key)) {
                value.problem("unknown setting '" + key + "'; expected one of url, clientId, intervalSeconds");
            }
        }));
        YamlNode where = block.orElse(root);
        String url = setting(ReferralSendOptions.URL, block, environment, root);
        String clientId = setting(ReferralSendOptions.CLIENT_ID, block, environment, root);
        Integer interval = setting(ReferralSendOptions.INTERVAL_SECONDS, block, environment, root);
        Secret secret = Secret.ofNullable(environment.apply(ReferralSendOptions.CLIENT_SECRET.envName()));
        if (interval == null) {
            return null;
        }
        if (url != null && (clientId == null || secret == null)) {
            where.problem("the referral send is on (" + ReferralSendOptions.URL.envName() + " is set) but "
                    + (clientId == null ? ReferralSendOptions.CLIENT_ID.envName() : ReferralSendOptions.CLIENT_SECRET.envName())
                    + " is not: Case Xchange's token is asked for with both");
            return null;
        }
        return new CaseXchangeSettings(url, clientId, secret, Duration.ofSeconds(interval));
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
}
