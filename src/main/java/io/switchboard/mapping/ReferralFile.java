package io.switchboard.mapping;

import io.switchboard.config.ConnectionOptions;
import io.switchboard.events.EventType;
import io.switchboard.mapping.yaml.YamlNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quartz.CronExpression;

/**
 * Reads {@code config/referral-status-changed.yaml} into a {@link ReferralMapping}, refusing a status map that
 * leaves out a listed status: such a map would fail events only once that status is first sent.
 */
final class ReferralFile {
    private static final SettingsReader READER = new SettingsReader(EventType.REFERRAL_STATUS_CHANGED);

    private ReferralFile() {
    }

    static Optional<ReferralMapping> read(YamlNode root) {
        root.allowOnly(List.of("object", "statusField", "receivingFirmField", "cxIdField", "referenceNumberField",
                "statuses", "statusMap", "poll"));
        Optional<String> object = root.requiredText("object", "the Salesforce object to update, such as Referral__c");
        Optional<String> statusField = root.requiredText("statusField", "the status field, such as Status__c");
        String receivingFirmField = root.optionalText("receivingFirmField").orElse(null);
        String cxIdField = root.optionalText("cxIdField").orElse(null);
        String referenceNumberField = root.optionalText("referenceNumberField").orElse(null);
        List<String> statuses = root.get("statuses").map(READER::texts).orElse(List.of());
        if (statuses.isEmpty()) {
            root.problem("missing 'statuses'; expected the list of Case Xchange statuses, such as [Pending, Accepted]");
        }
        Optional<MapValue> statusMap = statusMap(root, statuses);
        Optional<PollSettings> poll = poll(root);
        if (object.isEmpty() || statusField.isEmpty() || statuses.isEmpty() || statusMap.isEmpty() || poll.isEmpty()) {
            return Optional.empty();
        }
        List<FieldUse> uses = new ArrayList<>();
        uses.add(new FieldUse(statusField.get(), root.lineOf("statusField"),
                FieldUse.Purpose.UPDATE, List.copyOf(new LinkedHashSet<>(statusMap.get().values().values()))));
        addUpdate(uses, root, "receivingFirmField", receivingFirmField);
        addUpdate(uses, root, "cxIdField", cxIdField);
        addUpdate(uses, root, "referenceNumberField", referenceNumberField);
        ObjectUse use = new ObjectUse(root.file(), root.lineOf("object"), ConnectionOptions.DEFAULT,
                object.get(), uses);
        return Optional.of(new ReferralMapping(root.file(), object.get(), statusField.get(), receivingFirmField,
                cxIdField, referenceNumberField, statuses, statusMap.get(), poll.get(), List.of(use)));
    }

    private static Optional<MapValue> statusMap(YamlNode root, List<String> statuses) {
        Optional<YamlNode> node = root.get("statusMap");
        if (node.isEmpty()) {
            root.problem("missing 'statusMap'; expected each listed status mapped to its Salesforce value");
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.get().entries().forEach((status, value) -> value.text().map(String::strip).filter(t -> !t.isEmpty())
                .ifPresentOrElse(text -> values.put(status, text),
                        () -> value.problem("expected the Salesforce value for status '" + status + "'")));
        MapValue map = new MapValue(root.optionalText("object").orElse("record") + "."
                + root.optionalText("statusField").orElse("status"), "Case Xchange status", "statusMap in " + root.file(),
                values);
        List<String> missing = map.missing(statuses);
        if (!missing.isEmpty()) {
            node.get().problem("does not map " + String.join(", ", missing)
                    + "; every status listed in 'statuses' needs a value");
        }
        List<String> unlisted = map.unlisted(statuses);
        if (!unlisted.isEmpty()) {
            node.get().problem("maps " + String.join(", ", unlisted) + ", which 'statuses' does not list");
        }
        return missing.isEmpty() && unlisted.isEmpty() && !statuses.isEmpty() ? Optional.of(map) : Optional.empty();
    }

    private static Optional<PollSettings> poll(YamlNode root) {
        Optional<YamlNode> node = root.get("poll");
        if (node.isEmpty()) {
            return Optional.of(new PollSettings(false, null, null));
        }
        YamlNode poll = node.get();
        poll.allowOnly(List.of("enabled", "cron", "url"));
        Optional<Boolean> enabled = READER.onOff(poll, "enabled", false);
        String cron = poll.optionalText("cron").orElse(null);
        String url = poll.optionalText("url").orElse(null);
        boolean valid = enabled.isPresent();
        if (cron != null && !CronExpression.isValidExpression(cron)) {
            poll.get("cron").get().problem("'" + cron + "' is not a Quartz cron expression; expected six or seven "
                    + "fields such as \"0 0/5 * * * ?\" (every five minutes)");
            valid = false;
        }
        if (url != null && !isHttpUrl(url)) {
            poll.get("url").get().problem("expected an http or https URL; got '" + url + "'");
            valid = false;
        }
        if (enabled.orElse(false) && (cron == null || url == null)) {
            poll.problem("enabled polling needs both 'cron' and 'url'");
            valid = false;
        }
        return valid ? Optional.of(new PollSettings(enabled.get(), cron, url)) : Optional.empty();
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void addUpdate(List<FieldUse> uses, YamlNode root, String key, String field) {
        if (field != null) {
            uses.add(FieldUse.of(field, root.lineOf(key), FieldUse.Purpose.UPDATE));
        }
    }
}
