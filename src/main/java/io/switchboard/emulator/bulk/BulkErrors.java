package io.switchboard.emulator.bulk;

import io.switchboard.emulator.api.SalesforceError;
import java.util.List;

/**
 * The refusals of the Bulk API 2.0 ingest resources and the texts a failed row or job carries. Bulk API 2.0 reports
 * its own exception codes (InvalidJob, InvalidJobState...) in upper case in the errorCode of Salesforce's JSON error
 * array, as Salesforce's answers for INVALIDENTITY show.
 */
final class BulkErrors {
    static final String NOT_FOUND_MESSAGE = "The requested resource does not exist";

    private BulkErrors() {
    }

    /** Confirmed: what Get Job Info answers for a job that does not (or no longer) exist. */
    static SalesforceError notFound() {
        return SalesforceError.notFound(NOT_FOUND_MESSAGE);
    }

    static SalesforceError methodNotAllowed(String method, String allowed) {
        return new SalesforceError(405, "METHOD_NOT_ALLOWED",
                "HTTP Method '" + method + "' not allowed. Allowed are " + allowed);
    }

    /** The message is Bulk API 1.0's for an unknown object ("Unable to find object: X"); 2.0's is not confirmed. */
    static SalesforceError unknownObject(String object) {
        return invalidJob("Unable to find object: " + object);
    }

    /** Confirmed wording, as Salesforce refuses an upsert job without externalIdFieldName. */
    static SalesforceError externalIdBlank(String object) {
        return invalidJob("External ID was blank for " + object + ". An External ID must be specified for upsert.");
    }

    /** Wording borrowed from the REST upsert refusal for an unknown key field; not confirmed for Bulk jobs. */
    static SalesforceError unknownExternalIdField(String field) {
        return invalidJob("Provided external ID field does not exist or is not accessible: " + field);
    }

    /** Wording borrowed from the REST upsert refusal for a key that is no external id; not confirmed for jobs. */
    static SalesforceError notAnExternalId(String field, String object) {
        return invalidJob("Field " + field + " is not an External ID, Salesforce Id, or indexed field for " + object);
    }

    /**
     * Confirmed message and exception code (FeatureNotEnabled, as Bulk API 1.0 and jsforce report it): the
     * "Bulk API Hard Delete" permission is off by default and no user of the emulated org holds it.
     */
    static SalesforceError hardDeleteNotPermitted() {
        return new JobRefusal(400, "FEATURENOTENABLED",
                "hardDelete operation requires special user profile permission, please contact your system "
                        + "administrator");
    }

    /** Not confirmed: the wording of a job property that is missing or holds a value Salesforce does not accept. */
    static SalesforceError invalidProperty(String property, String value, String expected) {
        return invalidJob(value == null ? property + " is required"
                : "Invalid " + property + ": " + value + ". Valid values are " + expected);
    }

    /** Not confirmed: the wording, and 409, for a change the job's current state does not allow. */
    static SalesforceError invalidState(String message) {
        return new JobRefusal(409, "INVALIDJOBSTATE", message);
    }

    /**
     * Not confirmed: Salesforce's answer to an upload over its size limit; EXCEEDED_MAX_SIZE_REQUEST is an exception
     * code of the SOAP API, whose codes Bulk API 2.0 shares.
     */
    static SalesforceError uploadTooLarge() {
        return new JobRefusal(413, "EXCEEDED_MAX_SIZE_REQUEST", "Job data exceeds the limit of 150 MB of base64"
                + " encoded content (" + IngestJobs.MAX_UPLOAD_BYTES + " bytes before encoding) per upload");
    }

    /** Not confirmed: the answer to an upload that is not sent as text/csv. */
    static SalesforceError unsupportedContentType(String contentType) {
        return new JobRefusal(415, "UNSUPPORTED_MEDIA_TYPE", "Content type '" + contentType
                + "' is not supported for job data uploads. Use text/csv");
    }

    /** Not confirmed: the wording of a malformed query locator, taken from SOQL paging. */
    static SalesforceError invalidLocator() {
        return new JobRefusal(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }

    /** Not confirmed: the code and wording of a job request body with a property Salesforce does not know. */
    static SalesforceError unrecognizedProperty(String property) {
        return new JobRefusal(400, "JSON_PARSER_ERROR", "Unrecognized field \"" + property + "\"");
    }

    static SalesforceError notAnObject() {
        return new JobRefusal(400, "JSON_PARSER_ERROR", "Expected a JSON object for the request body");
    }

    private static SalesforceError invalidJob(String message) {
        return new JobRefusal(400, "INVALIDJOB", message);
    }

    /**
     * A failed row's {@code sf__Error}: {@code CODE:message:Field1,Field2 --}, or {@code CODE:message:--} without
     * fields, as Salesforce's Bulk API results spell it ({@code ENTITY_IS_DELETED:entity is deleted:--}). How several
     * fields are joined is not confirmed.
     */
    static String rowError(String code, String message, List<String> fields) {
        return code + ":" + message + ":" + (fields.isEmpty() ? "--" : String.join(",", fields) + " --");
    }
}
