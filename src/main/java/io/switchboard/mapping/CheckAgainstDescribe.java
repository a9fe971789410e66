package io.switchboard.mapping;

import io.switchboard.salesforce.SalesforceApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks what the mapping files use against an org's describe: every object and field exists, may be written
 * the way the mapping writes it, has a type a mapping may fill, and every fixed picklist value is an active one.
 * Each problem names the config file and line, the field, and what would be accepted. The describes come from a
 * {@link DescribeSource}: the org itself, or what check-connection saved of it.
 */
public final class CheckAgainstDescribe {
    /**
     * The field types a mapping may fill; references and ids are set by the routes themselves. A combobox (such as
     * Task.Subject) is a text field with suggested values, so it takes whatever a string field takes.
     */
    public static final Set<String> ALLOWED_TYPES = Set.of("string", "combobox", "int", "double", "picklist", "boolean",
            "email", "textarea", "phone", "date", "datetime");
    private static final String ALLOWED_LIST =
            "string (or combobox), int, double, picklist, boolean, email, textarea, phone, date, datetime";

    private final DescribeSource describes;

    public CheckAgainstDescribe(DescribeSource describes) {
        this.describes = describes;
    }

    /** One use, which must be on the connection the describes are of. */
    public List<MappingProblem> check(ObjectUse use) {
        Optional<SObjectDescription> description;
        try {
            description = describes.describe(use.sobject());
        } catch (SalesforceApiException e) {
            return List.of(new MappingProblem(use.file(), use.line(), "cannot describe " + use.sobject()
                    + " on connection '" + use.connection() + "': " + e.errorCode() + " " + e.getMessage()));
        }
        if (description.isEmpty()) {
            return List.of(new MappingProblem(use.file(), use.line(), "the org of connection '" + use.connection()
                    + "' has no object " + use.sobject()));
        }
        List<MappingProblem> problems = new ArrayList<>();
        for (FieldUse field : use.fields()) {
            problem(use, field, description.get())
                    .ifPresent(message -> problems.add(new MappingProblem(use.file(), field.line(),
                            use.sobject() + "." + field.field() + ": " + message)));
        }
        return problems;
    }

    private static Optional<String> problem(ObjectUse use, FieldUse fieldUse, SObjectDescription description) {
        Optional<FieldDescription> found = description.field(fieldUse.field());
        if (found.isEmpty()) {
            return Optional.of("no such field on " + use.sobject());
        }
        FieldDescription field = found.get();
        return switch (fieldUse.purpose()) {
            case PHONE_SEARCH -> field.type().equals("phone") ? Optional.empty()
                    : Optional.of("is a " + field.type() + " field; phone searches need phone fields");
            case EXTERNAL_ID -> field.externalId() || field.idLookup() ? Optional.empty()
                    : Optional.of("is not an external id field; an upsert needs one");
            case CREATE, UPDATE, UPSERT -> writeProblem(fieldUse, field);
            case READ -> Optional.empty();
        };
    }

    private static Optional<String> writeProblem(FieldUse use, FieldDescription field) {
        if (!ALLOWED_TYPES.contains(field.type())) {
            return Optional.of("is a " + field.type() + " field; a mapping may fill only " + ALLOWED_LIST + " fields");
        }
        boolean create = use.purpose() != FieldUse.Purpose.UPDATE;
        boolean update = use.purpose() != FieldUse.Purpose.CREATE;
        if (create && !field.createable()) {
            return Optional.of("cannot be set when a record is created (not createable for this user)");
        }
        if (update && !field.updateable()) {
            return Optional.of("cannot be changed on an existing record (not updateable for this user)");
        }
        if (field.type().equals("picklist")) {
            List<String> unknown = use.values().stream().filter(value -> !field.picklistValues().contains(value)).toList();
            if (!unknown.isEmpty()) {
                return Optional.of("'" + String.join("', '", unknown) + "' is not an active picklist value; allowed values are "
                        + String.join(", ", field.picklistValues()));
            }
        }
        return Optional.empty();
    }
}
