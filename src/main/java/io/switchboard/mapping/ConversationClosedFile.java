package io.switchboard.mapping;

import io.switchboard.events.EventType;
import io.switchboard.mapping.yaml.YamlNode;
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
        Optional<AttachmentMode> attachments = attachmentsNode == null ? Optional.of(AttachmentMode.UPLOAD)
                : READER.choice(attachmentsNode, "mode", AttachmentMode.class, AttachmentMode.UPLOAD);
        if (attachmentsNode != null) {
            attachmentsNode.allowOnly(List.of("mode"));
        }
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
                new ObjectUse(root.file(), contact.line(), "default", "Contact", contactUses(contact, searchFields)),
                new ObjectUse(root.file(), caseNode.line(), "default", "Case", caseUses(caseNode, status.get(), origin)));
        return Optional.of(new ConversationClosedMapping(root.file(), searchFields, subject.get(), status.get(), origin,
                auditFields.get(), attachments.get(), commentUser, uses));
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
        return new MapValue("Case.Origin", "channel", values);
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
