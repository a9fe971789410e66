package io.switchboard.mapping;

import io.switchboard.attachments.AllowedHosts;
import io.switchboard.config.ConnectionOptions;
import io.switchboard.events.EventType;
import io.switchboard.mapping.yaml.YamlNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code config/conversation-closed.yaml} into a {@link ConversationClosedMapping}. */
final class ConversationClosedFile {
    private static final SettingsReader READER = new SettingsReader(EventType.CONVERSATION_CLOSED);
    private static final List<String> OPTIONAL_SECTIONS = List.of("comments", "attachments");
    /** A file of at most 10 MB that takes longer than this is better linked than waited for. */
    private static final int MAX_TIMEOUT_SECONDS = 300;
    private static final int MAX_ATTEMPTS = 10;

    private ConversationClosedFile() {
    }

    static Optional<ConversationClosedMapping> read(YamlNode root) {
        root.allowOnly(List.of("contact", "case", "comments", "attachments"));
        YamlNode contact = section(root, "contact");
        YamlNode caseNode = section(root, "case");
        YamlNode comments = section(root, "comments");
        YamlNode attachmentsNode = section(root, "attachments");
        if (contact == null || caseNode == null) {
            return Optional.empty();
        }
        contact.allowOnly(List.of("searchFields"));
        caseNode.allowOnly(List.of("subject", "status", "origin"));
        List<String> searchFields = contact.get("searchFields").map(READER::texts).orElse(List.of());
        if (searchFields.isEmpty()) {
            contact.problem("missing 'searchFields'; expected the Contact phone fields to search, such as [Phone, MobilePhone]");
        }
        Optional<Template> subject = caseNode.get("subject").flatMap(READER::parts);
        if (caseNode.get("subject").isEmpty()) {
            caseNode.problem("missing 'subject'; expected a template such as \"{customer.phone} [{conversationId}]\"");
        }
        Optional<String> status = caseNode.requiredText("status", "the Case Status picklist value, such as New");
        MapValue origin = origin(caseNode);
        Optional<Boolean> auditFields = comments == null ? Optional.of(true) : READER.onOff(comments, "auditFields", true);
        Optional<AttachmentSettings> attachments = attachmentsNode == null ? Optional.of(AttachmentSettings.DEFAULTS)
                : attachments(attachmentsNode);
        String commentUser = comments == null ? null : comments.optionalText("customerCommentUser").orElse(null);
        if (comments != null) {
            comments.allowOnly(List.of("auditFields", "customerCommentUser"),
                    Map.of("attachments", "attachments.mode, in a section of its own beside comments"));
        }
        if (subject.isEmpty() || status.isEmpty() || origin == null || auditFields.isEmpty() || attachments.isEmpty()
                || searchFields.isEmpty()) {
            return Optional.empty();
        }
        List<ObjectUse> uses = List.of(
                new ObjectUse(root.file(), contact.line(), ConnectionOptions.DEFAULT, "Contact", contactUses(contact, searchFields)),
                new ObjectUse(root.file(), caseNode.line(), ConnectionOptions.DEFAULT, "Case", caseUses(caseNode, status.get(), origin)));
        return Optional.of(new ConversationClosedMapping(root.file(), searchFields, subject.get(), status.get(), origin,
                auditFields.get(), attachments.get(), commentUser, uses));
    }

    private static Optional<AttachmentSettings> attachments(YamlNode node) {
        node.allowOnly(List.of("mode", "allowedHosts", "timeoutSeconds", "maxAttempts", "whenUnavailable"));
        Optional<AttachmentMode> mode = READER.choice(node, "mode", AttachmentMode.class, AttachmentMode.UPLOAD);
        Optional<AllowedHosts> allowedHosts = allowedHosts(node);
        Optional<Integer> timeoutSeconds = READER.wholeNumber(node, "timeoutSeconds", 1, MAX_TIMEOUT_SECONDS,
                AttachmentSettings.DEFAULT_TIMEOUT_SECONDS);
        Optional<Integer> maxAttempts = READER.wholeNumber(node, "maxAttempts", 1, MAX_ATTEMPTS,
                AttachmentSettings.DEFAULT_MAX_ATTEMPTS);
        Optional<WhenUnavailable> whenUnavailable = READER.choice(node, "whenUnavailable", WhenUnavailable.class,
                WhenUnavailable.FAIL);
        if (mode.isEmpty() || allowedHosts.isEmpty() || timeoutSeconds.isEmpty() || maxAttempts.isEmpty()
                || whenUnavailable.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AttachmentSettings(mode.get(), allowedHosts.get(), Duration.ofSeconds(timeoutSeconds.get()),
                maxAttempts.get(), whenUnavailable.get()));
    }

    private static Optional<AllowedHosts> allowedHosts(YamlNode node) {
        Optional<YamlNode> list = node.get("allowedHosts");
        if (list.isEmpty()) {
            return Optional.of(AllowedHosts.none());
        }
        List<String> entries = new ArrayList<>();
        boolean allValid = true;
        for (YamlNode item : list.get().items()) {
            // a list or mapping here is reported by text() itself
            Optional<String> text = item.text().map(String::strip);
            if (text.isPresent() && AllowedHosts.isEntry(text.get())) {
                entries.add(text.get());
                continue;
            }
            allValid = false;
            if (item.isScalar()) {
                item.problem("expected " + AllowedHosts.EXPECTED + "; got '" + text.orElse("") + "'");
            }
        }
        return allValid ? Optional.of(AllowedHosts.of(entries)) : Optional.empty();
    }

    private static YamlNode section(YamlNode root, String key) {
        Optional<YamlNode> section = root.get(key);
        if (section.isEmpty() && !OPTIONAL_SECTIONS.contains(key)) {
            root.problem("missing section '" + key + "'");
        }
        return section.orElse(null);
    }

    private static MapValue origin(YamlNode caseNode) {
        Optional<YamlNode> node = caseNode.get("origin");
        if (node.isEmpty()) {
            caseNode.problem("missing 'origin'; expected a map of channel to Case Origin, such as whatsapp: WhatsApp");
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.get().entries().forEach((channel, value) -> value.text().map(String::strip)
                .filter(text -> !text.isEmpty()).ifPresentOrElse(text -> values.put(channel, text),
                        () -> value.problem("expected the Case Origin value for channel '" + channel + "'")));
        if (values.isEmpty()) {
            node.get().problem("expected at least one channel mapped to a Case Origin value");
            return null;
        }
        return new MapValue("Case.Origin", "channel", "case.origin in " + caseNode.file(), values);
    }

    private static List<FieldUse> contactUses(YamlNode contact, List<String> searchFields) {
        List<FieldUse> uses = new ArrayList<>();
        int line = contact.get("searchFields").map(YamlNode::line).orElse(contact.line());
        searchFields.forEach(field -> uses.add(FieldUse.of(field, line, FieldUse.Purpose.PHONE_SEARCH)));
        for (String field : List.of("FirstName", "LastName", "Phone")) {
            uses.add(FieldUse.of(field, contact.line(), FieldUse.Purpose.CREATE));
        }
        return uses;
    }

    private static List<FieldUse> caseUses(YamlNode caseNode, String status, MapValue origin) {
        return List.of(
                FieldUse.of("Subject", caseNode.lineOf("subject"), FieldUse.Purpose.CREATE),
                new FieldUse("Status", caseNode.lineOf("status"), FieldUse.Purpose.CREATE, List.of(status)),
                new FieldUse("Origin", caseNode.lineOf("origin"), FieldUse.Purpose.CREATE,
                        List.copyOf(new LinkedHashSet<>(origin.values().values()))));
    }
}
