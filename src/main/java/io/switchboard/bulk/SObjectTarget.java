package io.switchboard.bulk;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.mapping.FieldDescription;
import io.switchboard.mapping.SObjectDescription;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Any object, {@code --key Id} to update records by id or {@code --key FIELD} to upsert them by an external-id field,
 * with the columns given as its fields. An empty cell leaves its field as it is. Values are sent as their field's JSON
 * type; picklist values and the like are left to Salesforce, whose refusal is reported for the row.
 */
public final class SObjectTarget implements BulkTarget {
    private static final String ID = "Id";
    private static final Set<String> WHOLE_NUMBERS = Set.of("int", "long");
    private static final Set<String> DECIMALS = Set.of("double", "currency", "percent");

    private final SObjectDescription described;
    private final String key;

    private SObjectTarget(SObjectDescription described, String key) {
        this.described = described;
        this.key = key;
    }

    /** @throws IllegalArgumentException when {@code key} is neither {@code Id} nor an external-id field of the object */
    public static SObjectTarget of(SObjectDescription described, String key) {
        if (key.equalsIgnoreCase(ID)) {
            return new SObjectTarget(described, ID);
        }
        FieldDescription field = described.field(key).orElseThrow(() -> new IllegalArgumentException(
                "--key " + key + ": " + described.name() + " has no such field"));
        if (!field.externalId()) {
            throw new IllegalArgumentException("--key " + key + ": " + described.name() + "." + field.name()
                    + " is not an external-id field; use Id or one of " + externalIds(described));
        }
        return new SObjectTarget(described, field.name());
    }

    private static String externalIds(SObjectDescription described) {
        List<String> names = described.fields().values().stream().filter(FieldDescription::externalId)
                .map(FieldDescription::name).toList();
        return names.isEmpty() ? "(none on this object)" : String.join(", ", names);
    }

    @Override
    public String sobject() {
        return described.name();
    }

    @Override
    public Optional<String> externalIdField() {
        return key.equals(ID) ? Optional.empty() : Optional.of(key);
    }

    @Override
    public String keyColumn() {
        return key;
    }

    @Override
    public void checkColumns(List<String> columns, CellProblems problems) {
        if (columns.stream().noneMatch(key::equalsIgnoreCase)) {
            problems.add(key, "the --key column is missing");
        }
        for (String column : columns) {
            if (column.equalsIgnoreCase(key)) {
                continue;
            }
            Optional<FieldDescription> field = described.field(column);
            if (field.isEmpty()) {
                problems.add(column, described.name() + " has no such field");
            } else if (!writable(field.get())) {
                problems.add(column, described.name() + "." + field.get().name() + " cannot be "
                        + (key.equals(ID) ? "updated" : "written"));
            }
        }
    }

    /** An upsert creates the records it does not find, so a field it may only set on create is writable too. */
    private boolean writable(FieldDescription field) {
        return field.updateable() || !key.equals(ID) && field.createable();
    }

    @Override
    public Optional<PreparedRow> prepare(InputRow row, CellProblems problems) {
        String keyColumn = row.cells().keySet().stream().filter(key::equalsIgnoreCase).findFirst().orElse(key);
        String keyValue = row.value(keyColumn);
        boolean valid = true;
        if (keyValue.isEmpty()) {
            problems.add(keyColumn, "missing; every row needs its --key value");
            valid = false;
        } else if (key.equals(ID) && !RecordIds.looksLikeOne(keyValue)) {
            problems.add(keyColumn, "'" + keyValue + "' is not a Salesforce record id (15 or 18 letters and digits)");
            valid = false;
        }
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.putObject("attributes").put("type", described.name());
        record.put(key, keyValue);
        for (var cell : row.cells().entrySet()) {
            String value = cell.getValue().strip();
            if (cell.getKey().equalsIgnoreCase(key) || value.isEmpty()) {
                continue;
            }
            Optional<FieldDescription> field = described.field(cell.getKey());
            if (field.isEmpty()) {
                continue;
            }
            valid &= put(record, field.get(), value, cell.getKey(), problems);
        }
        return valid ? Optional.of(new PreparedRow(row.line(), keyValue, record)) : Optional.empty();
    }

    /** Puts the value as its field's JSON type; false, with the problem, when it is not one. */
    private static boolean put(ObjectNode record, FieldDescription field, String value, String column,
                               CellProblems problems) {
        String type = field.type().toLowerCase(Locale.ROOT);
        try {
            if (type.equals("boolean")) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    problems.add(column, "'" + value + "' is not true or false");
                    return false;
                }
                record.put(field.name(), Boolean.parseBoolean(value));
            } else if (WHOLE_NUMBERS.contains(type)) {
                record.put(field.name(), Long.parseLong(value));
            } else if (DECIMALS.contains(type)) {
                record.put(field.name(), new BigDecimal(value));
            } else {
                record.put(field.name(), value);
            }
            return true;
        } catch (NumberFormatException e) {
            problems.add(column, "'" + value + "' is not a number, as the " + type + " field " + field.name()
                    + " needs");
            return false;
        }
    }
}
