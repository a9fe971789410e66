package io.switchboard.emulator.query;

import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.FieldType;
import io.switchboard.emulator.schema.OrgSchema;
import io.switchboard.emulator.schema.SObjectSchema;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** A small org for query tests: the standard objects the engine uses, with the fields the tests filter on. */
final class TestOrg {
    /** A Wednesday, so that THIS_WEEK (from Sunday) reaches both before and after today. */
    static final Instant NOW = Instant.parse("2026-11-18T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String VERSION = "60.0";

    private TestOrg() {
    }

    static OrgSchema schema() {
        return new OrgSchema(List.of(
                object("User", "005", true, id(), text("Name"), field("Email", FieldType.EMAIL),
                        field("IsActive", FieldType.BOOLEAN), text("Username")),
                object("Account", "001", true, id(), text("Name"), field("Phone", FieldType.PHONE),
                        field("NumberOfEmployees", FieldType.INT), field("AnnualRevenue", FieldType.CURRENCY),
                        reference("OwnerId", "Owner", "User")),
                object("Contact", "003", true, id(), text("FirstName"), text("LastName"),
                        field("Phone", FieldType.PHONE), field("MobilePhone", FieldType.PHONE),
                        field("Email", FieldType.EMAIL), reference("AccountId", "Account", "Account"),
                        reference("OwnerId", "Owner", "User"), field("Birthdate", FieldType.DATE),
                        field("LastModifiedDate", FieldType.DATETIME),
                        field("HasOptedOutOfEmail", FieldType.BOOLEAN), longText("Description"),
                        field("Photo", FieldType.BASE64)),
                object("Lead", "00Q", true, id(), text("FirstName"), text("LastName"), text("Company"),
                        field("Phone", FieldType.PHONE), field("Email", FieldType.EMAIL)),
                object("Case", "500", true, id(), text("CaseNumber"), text("Subject"),
                        field("Status", FieldType.PICKLIST), reference("ContactId", "Contact", "Contact"),
                        longText("Description")),
                object("Task", "00T", true, id(), text("Subject"), reference("WhoId", "Who", "Contact", "Lead")),
                object("CaseComment", "00a", false, id(), reference("ParentId", "Parent", "Case"),
                        longText("CommentBody"))));
    }

    private static SObjectSchema object(String name, String prefix, boolean searchable, FieldSchema... fields) {
        return new SObjectSchema(name, name, name + "s", prefix, false, searchable, List.of(fields));
    }

    private static FieldSchema id() {
        return field("Id", FieldType.ID);
    }

    private static FieldSchema text(String name) {
        return build(name, FieldType.STRING, 255, List.of(), null);
    }

    private static FieldSchema longText(String name) {
        return build(name, FieldType.TEXTAREA, 32000, List.of(), null);
    }

    private static FieldSchema field(String name, FieldType type) {
        return build(name, type, 0, List.of(), null);
    }

    private static FieldSchema reference(String name, String relationship, String... targets) {
        return build(name, FieldType.REFERENCE, 18, List.of(targets), relationship);
    }

    private static FieldSchema build(String name, FieldType type, int length, List<String> targets,
                                     String relationship) {
        return new FieldSchema(name, name, type, length, true, true, true, false, false, false, false, false,
                List.of(), false, targets, relationship);
    }
}
