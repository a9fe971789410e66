package io.switchboard.emulator.seed;

import static io.switchboard.emulator.seed.SeededOrg.*;

import io.switchboard.emulator.records.RecordWriter;
import io.switchboard.emulator.schema.OrgSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the seeded org's records: its users, a few accounts and people, a case and a referral, all stamped
 * {@link SeededOrg#SEEDED_AT}.
 */
public final class SeedRecords {
    private SeedRecords() {
    }

    public static void populate(RecordWriter writer) {
        OrgSchema schema = writer.model().schema();
        Seeder seed = (type, fields) -> writer.insertTrusted(schema.object(type).orElseThrow(), stamped(fields),
                INTEGRATION_USER_ID);
        seed.insert("User", fields("Id", INTEGRATION_USER_ID, "Username", USERNAME, "Email", USERNAME,
                "FirstName", "Integration", "LastName", "User", "Alias", "integ", "IsActive", true));
        seed.insert("User", fields("Id", AGENT_USER_ID, "Username", AGENT_EMAIL, "Email", AGENT_EMAIL,
                "FirstName", "Demo", "LastName", "Agent", "Alias", "dagent", "IsActive", true));
        seed.insert("User", fields("Id", CUSTOMER_COMMENT_USER_ID, "Username", CUSTOMER_COMMENT_EMAIL,
                "Email", CUSTOMER_COMMENT_EMAIL, "FirstName", "WitiOp", "LastName", "Customer", "Alias", "wcust",
                "IsActive", true));
        seed.insert("User", fields("Id", INACTIVE_USER_ID, "Username", INACTIVE_EMAIL, "Email", INACTIVE_EMAIL,
                "FirstName", "Former", "LastName", "Agent", "Alias", "fagent", "IsActive", false));
        seed.insert("Account", fields("Id", ACME_ACCOUNT_ID, "Name", "Acme Legal", "Phone", "+44 20 7946 0000",
                "Industry", "Legal"));
        seed.insert("Account", fields("Id", CONTI_ACCOUNT_ID, "Name", "Conti & Partners", "Phone", "+39 02 555 0101"));
        seed.insert("Contact", fields("Id", MARIA_CONTI_ID, "FirstName", "Maria", "LastName", "Conti",
                "Phone", MARIA_CONTI_PHONE, "Email", "maria.conti@example.com", "AccountId", CONTI_ACCOUNT_ID));
        seed.insert("Contact", fields("Id", LUCA_BIANCHI_ID, "FirstName", "Luca", "LastName", "Bianchi",
                "MobilePhone", "+393471112233", "AccountId", ACME_ACCOUNT_ID));
        seed.insert("Lead", fields("Id", GIULIA_VERDI_LEAD_ID, "FirstName", "Giulia", "LastName", "Verdi",
                "Company", "Verdi Srl", "Phone", GIULIA_VERDI_PHONE));
        seed.insert("Case", fields("Id", SEEDED_CASE_ID, "Subject", "Existing enquiry", "Origin", "Phone",
                "ContactId", MARIA_CONTI_ID, "AccountId", CONTI_ACCOUNT_ID, "OwnerId", AGENT_USER_ID));
        seed.insert(StandardSchema.REFERRAL, fields("Id", REFERRAL_ID, "Name", "REF-0001", "Status__c", "Pending",
                "CX_Id__c", REFERRAL_CX_ID, "CX_Reference_Number__c", "CXR-2026-0001"));
    }

    /** Writes one seed record. */
    private interface Seeder {
        void insert(String type, Map<String, Object> fields);
    }

    private static Map<String, Object> stamped(Map<String, Object> fields) {
        Map<String, Object> record = new LinkedHashMap<>(fields);
        for (String stamp : new String[] {"CreatedDate", "LastModifiedDate", "SystemModstamp"}) {
            record.put(stamp, SEEDED_AT);
        }
        return record;
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
