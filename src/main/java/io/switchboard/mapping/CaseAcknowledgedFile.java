package io.switchboard.mapping;

import io.switchboard.config.ConnectionOptions;
import io.switchboard.events.EventType;
import io.switchboard.mapping.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code config/case-acknowledged.yaml} into a {@link CaseAcknowledgedMapping}. */
final class CaseAcknowledgedFile {
    private static final SettingsReader READER = new SettingsReader(EventType.CASE_ACKNOWLEDGED);

    private CaseAcknowledgedFile() {
    }

    static Optional<CaseAcknowledgedMapping> read(YamlNode root) {
        root.allowOnly(List.of("object", "externalIdField", "fields"));
        Optional<String> object = root.requiredText("object", "the Salesforce object to upsert, such as casexchange__CX_Intake__c");
        Optional<String> externalIdField = root.requiredText("externalIdField",
                "the external id field that holds the event's caseId, such as casexchange__CX_Case_Id__c");
        List<FieldMapping> fields = root.get("fields").map(node -> READER.fieldMap(node, true)).orElse(List.of());
        if (object.isEmpty() || externalIdField.isEmpty()) {
            return Optional.empty();
        }
        fields.stream().filter(field -> field.field().equalsIgnoreCase(externalIdField.get())).findFirst()
                .ifPresent(field -> root.get("fields").get().entries().get(field.field())
                        .problem("is the external id field, which always holds caseId; remove it from 'fields'"));
        List<FieldUse> uses = new ArrayList<>();
        uses.add(FieldUse.of(externalIdField.get(), root.lineOf("externalIdField"),
                FieldUse.Purpose.EXTERNAL_ID));
        for (FieldMapping field : fields) {
            boolean fixed = field.source().kind() != ValueSource.Kind.VARIABLE;
            uses.add(new FieldUse(field.field(), field.line(), FieldUse.Purpose.UPSERT,
                    fixed ? List.of(field.source().value()) : List.of()));
        }
        ObjectUse use = new ObjectUse(root.file(), root.lineOf("object"), ConnectionOptions.DEFAULT,
                object.get(), uses);
        return Optional.of(new CaseAcknowledgedMapping(root.file(), object.get(), externalIdField.get(), fields,
                List.of(use)));
    }
}
