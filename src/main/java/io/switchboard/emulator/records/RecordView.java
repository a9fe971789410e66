package io.switchboard.emulator.records;

import io.switchboard.emulator.api.SalesforceError;
import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.FieldType;
import io.switchboard.emulator.schema.SObjectSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stored record as the REST API returns it: {@code attributes} first, then the fields in schema order. */
public final class RecordView {
    private RecordView() {
    }

    public static String url(String apiVersion, String type, String id) {
        return "/services/data/v" + apiVersion + "/sobjects/" + type + "/" + id;
    }

    /** @param fieldNames the fields asked for with {@code ?fields=}, or null for all */
    public static Map<String, Object> render(SObjectSchema object, Map<String, Object> record, String apiVersion,
                                             List<String> fieldNames) {
        String id = (String) record.get("Id");
        Map<String, Object> view = new LinkedHashMap<>();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", object.name());
        attributes.put("url", url(apiVersion, object.name(), id));
        view.put("attributes", attributes);
        List<FieldSchema> fields = fieldNames == null ? List.copyOf(object.fields())
                : fieldNames.stream().map(name -> field(object, name)).toList();
        for (FieldSchema field : fields) {
            Object value = record.get(field.name());
            if (field.type() == FieldType.BASE64 && value != null) {
                // Salesforce never inlines file bodies: it answers with the URL of the blob.
                value = url(apiVersion, object.name(), id) + "/" + field.name();
            }
            view.put(field.name(), value);
        }
        return view;
    }

    private static FieldSchema field(SObjectSchema object, String name) {
        return object.field(name.trim()).orElseThrow(() -> new SalesforceError(400, "INVALID_FIELD",
                "No such column '" + name.trim() + "' on entity '" + object.name() + "'. If you are attempting to use"
                        + " a custom field, be sure to append the '__c' after the custom field name. Please reference"
                        + " your WSDL or the describe call for the appropriate names."));
    }
}
