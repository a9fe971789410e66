package io.switchboard.emulator.records;

import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.FieldType;
import io.switchboard.emulator.schema.SObjectSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The describe answers: the global list of objects, one object's basic info, and its full field list. Audit
 * fields show as createable only to users who may set them, which is how clients discover that permission.
 */
public final class Describer {
    private final OrgModel model;
    private final OrgSettings settings;

    public Describer(OrgModel model, OrgSettings settings) {
        this.model = model;
        this.settings = settings;
    }

    public Map<String, Object> global(String apiVersion) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("encoding", "UTF-8");
        answer.put("maxBatchSize", 200);
        answer.put("sobjects", model.schema().objects().stream().map(object -> summary(object, apiVersion)).toList());
        return answer;
    }

    public Map<String, Object> basicInfo(SObjectSchema object, String apiVersion, List<Map<String, Object>> recent) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("objectDescribe", summary(object, apiVersion));
        answer.put("recentItems", recent);
        return answer;
    }

    public Map<String, Object> describe(SObjectSchema object, String apiVersion, String userId) {
        Map<String, Object> answer = summary(object, apiVersion);
        answer.put("fields", object.fields().stream().map(field -> field(object, field, userId)).toList());
        answer.put("childRelationships", childRelationships(object));
        answer.put("recordTypeInfos", List.of());
        answer.put("supportedScopes", List.of(Map.of("label", "All " + object.labelPlural().toLowerCase(Locale.ROOT), "name",
                "everything")));
        return answer;
    }

    private Map<String, Object> summary(SObjectSchema object, String apiVersion) {
        String base = "/services/data/v" + apiVersion + "/sobjects/" + object.name();
        boolean updateable = object.fields().stream().anyMatch(FieldSchema::updateable);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", object.name());
        summary.put("label", object.label());
        summary.put("labelPlural", object.labelPlural());
        summary.put("keyPrefix", object.keyPrefix());
        summary.put("custom", object.custom());
        summary.put("customSetting", false);
        summary.put("createable", model.createable(object));
        summary.put("updateable", updateable);
        summary.put("deletable", model.deletable(object));
        summary.put("undeletable", model.deletable(object));
        summary.put("mergeable", false);
        summary.put("queryable", true);
        summary.put("retrieveable", true);
        summary.put("searchable", object.searchable());
        summary.put("layoutable", true);
        summary.put("triggerable", true);
        summary.put("replicateable", true);
        summary.put("activateable", false);
        summary.put("feedEnabled", false);
        summary.put("deprecatedAndHidden", false);
        summary.put("urls", Map.of("sobject", base, "describe", base + "/describe", "rowTemplate", base + "/{ID}"));
        return summary;
    }

    private Map<String, Object> field(SObjectSchema object, FieldSchema field, String userId) {
        boolean createable = field.audit() ? settings.maySetAuditFields(userId) : field.createable();
        Map<String, Object> describe = new LinkedHashMap<>();
        describe.put("name", field.name());
        describe.put("label", field.label());
        describe.put("type", field.type().apiName());
        describe.put("soapType", soapType(field.type()));
        describe.put("length", field.type().isText() ? field.length() : 0);
        describe.put("byteLength", byteLength(object, field));
        describe.put("digits", field.type() == FieldType.INT ? 9 : 0);
        describe.put("precision", field.type().isNumeric() && field.type() != FieldType.INT ? 18 : 0);
        describe.put("scale", field.type().isNumeric() && field.type() != FieldType.INT ? 2 : 0);
        describe.put("createable", createable);
        describe.put("updateable", field.updateable());
        describe.put("nillable", field.nillable());
        describe.put("defaultedOnCreate", field.defaultedOnCreate());
        describe.put("defaultValue", model.defaultValue(object, field).orElse(null));
        describe.put("externalId", field.externalId());
        describe.put("unique", field.unique());
        describe.put("idLookup", field.idLookup());
        describe.put("autoNumber", model.autoNumberFormat(object, field).isPresent());
        describe.put("calculated", false);
        describe.put("custom", field.name().endsWith("__c"));
        describe.put("caseSensitive", false);
        describe.put("filterable", field.type() != FieldType.TEXTAREA || field.length() <= 255);
        describe.put("sortable", field.type() != FieldType.TEXTAREA || field.length() <= 255);
        describe.put("groupable", field.type() != FieldType.TEXTAREA && field.type() != FieldType.DATETIME);
        describe.put("nameField", field.name().equals("Name"));
        describe.put("htmlFormatted", false);
        describe.put("deprecatedAndHidden", false);
        describe.put("picklistValues", picklistValues(object, field));
        describe.put("restrictedPicklist", field.restrictedPicklist());
        describe.put("referenceTo", field.referenceTo());
        describe.put("relationshipName", field.relationshipName());
        describe.put("polymorphicForeignKey", field.referenceTo().size() > 1);
        describe.put("cascadeDelete", false);
        return describe;
    }

    private int byteLength(SObjectSchema object, FieldSchema field) {
        if (field.type() == FieldType.ID || field.type() == FieldType.REFERENCE) {
            return 18;
        }
        if (!field.type().isText()) {
            return 0;
        }
        return model.limitsBytes(object, field) ? field.length() : field.length() * 3;
    }

    private List<Map<String, Object>> picklistValues(SObjectSchema object, FieldSchema field) {
        Object defaultValue = model.defaultValue(object, field).orElse(null);
        List<Map<String, Object>> values = new ArrayList<>();
        for (String value : field.picklistValues()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("active", true);
            entry.put("defaultValue", value.equals(defaultValue));
            entry.put("label", value);
            entry.put("validFor", null);
            entry.put("value", value);
            values.add(entry);
        }
        return values;
    }

    /** Other objects' lookups to this one, named as Salesforce names standard child relationships. */
    private List<Map<String, Object>> childRelationships(SObjectSchema parent) {
        List<Map<String, Object>> relationships = new ArrayList<>();
        for (SObjectSchema child : model.schema().objects()) {
            for (FieldSchema field : child.fields()) {
                if (field.referenceTo().contains(parent.name()) && !field.audit() && !field.name().equals("OwnerId")) {
                    Map<String, Object> relationship = new LinkedHashMap<>();
                    relationship.put("childSObject", child.name());
                    relationship.put("field", field.name());
                    relationship.put("relationshipName", child.labelPlural().replace(" ", "")
                            + (child.custom() ? "__r" : ""));
                    relationship.put("cascadeDelete", false);
                    relationships.add(relationship);
                }
            }
        }
        return relationships;
    }

    private static String soapType(FieldType type) {
        return switch (type) {
            case ID, REFERENCE -> "tns:ID";
            case BOOLEAN -> "xsd:boolean";
            case INT -> "xsd:int";
            case DOUBLE, CURRENCY, PERCENT -> "xsd:double";
            case DATE -> "xsd:date";
            case DATETIME -> "xsd:dateTime";
            case BASE64 -> "xsd:base64Binary";
            default -> "xsd:string";
        };
    }
}
