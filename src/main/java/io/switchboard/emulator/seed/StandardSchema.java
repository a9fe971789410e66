package io.switchboard.emulator.seed;

import static io.switchboard.emulator.seed.Field.checkbox;
import static io.switchboard.emulator.seed.Field.combobox;
import static io.switchboard.emulator.seed.Field.email;
import static io.switchboard.emulator.seed.Field.phone;
import static io.switchboard.emulator.seed.Field.picklist;
import static io.switchboard.emulator.seed.Field.reference;
import static io.switchboard.emulator.seed.Field.text;
import static io.switchboard.emulator.seed.Field.textArea;

import io.switchboard.emulator.records.OrgModel;
import io.switchboard.emulator.schema.FieldSchema;
import io.switchboard.emulator.schema.FieldType;
import io.switchboard.emulator.schema.OrgSchema;
import io.switchboard.emulator.schema.SObjectSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The objects and fields of the seeded org: the standard objects the engine writes and the two custom objects. */
public final class StandardSchema {
    public static final String REFERRAL = "Referral__c";
    public static final String CX_INTAKE = "casexchange__CX_Intake__c";
    /** What a Campaign's member is told: handed over (Sent), then what the platform reported of its message. */
    public static final List<String> CAMPAIGN_MEMBER_STATUSES = List.of("Sent", "Delivered", "Failed", "Responded");
    /** Every record a file can be published to or linked with. */
    private static final String[] LINKABLE = {"Account", "Case", "Contact", "Lead", "User", REFERRAL, CX_INTAKE};

    private StandardSchema() {
    }

    public static OrgModel model() {
        OrgSchema schema = new OrgSchema(List.of(user(), account(), contact(), lead(), caseObject(), caseComment(),
                task(), event(), contentVersion(), contentDocument(), contentDocumentLink(), campaign(), campaignMember(),
                referral(), cxIntake()));
        Map<String, Object> defaults = Map.ofEntries(
                Map.entry("Case.Status", "New"),
                Map.entry("Case.Priority", "Medium"),
                Map.entry("Lead.Status", "Open - Not Contacted"),
                Map.entry("Task.Status", "Not Started"),
                Map.entry("Campaign.Status", "Planned"),
                Map.entry("CampaignMember.Status", "Sent"),
                Map.entry("Task.Priority", "Normal"),
                Map.entry("ContentDocumentLink.ShareType", "V"),
                Map.entry("ContentDocumentLink.Visibility", "AllUsers"),
                Map.entry("User.IsActive", true),
                Map.entry("User.TimeZoneSidKey", "Europe/Rome"));
        return new OrgModel(schema, defaults, Set.of("CaseComment.CommentBody"),
                Set.of("User", "ContentDocument"), Set.of("User", "ContentVersion"),
                Map.of("Case.CaseNumber", "00000000", CX_INTAKE + ".Name", "CXI-000000"));
    }

    private static SObjectSchema user() {
        return object("User", "User", "Users", "005", false, false,
                text("Username", "Username", 80).required().unique().idLookup(),
                email("Email", "Email").required(),
                text("FirstName", "First Name", 40),
                text("LastName", "Last Name", 80).required(),
                text("Name", "Full Name", 121).readOnly().defaulted(),
                text("Alias", "Alias", 8).required(),
                checkbox("IsActive", "Active"),
                text("Title", "Title", 80),
                text("Department", "Department", 80),
                phone("Phone", "Phone"),
                phone("MobilePhone", "Mobile"),
                picklist("TimeZoneSidKey", "Time Zone", "Europe/Rome", "Europe/London", "America/New_York", "GMT")
                        .restricted().defaulted());
    }

    private static SObjectSchema account() {
        return object("Account", "Account", "Accounts", "001", false, true,
                text("Name", "Account Name", 255).required(),
                text("AccountNumber", "Account Number", 40),
                picklist("Type", "Account Type", "Prospect", "Customer - Direct", "Customer - Channel", "Partner",
                        "Other"),
                picklist("Industry", "Industry", "Legal", "Insurance", "Healthcare", "Finance", "Other"),
                phone("Phone", "Account Phone"),
                Field.of("Website", "Website", FieldType.URL),
                text("BillingCity", "Billing City", 40),
                text("BillingCountry", "Billing Country", 80),
                textArea("Description", "Account Description", 32000),
                owner());
    }

    private static SObjectSchema contact() {
        return object("Contact", "Contact", "Contacts", "003", false, true,
                picklist("Salutation", "Salutation", "Mr.", "Ms.", "Mrs.", "Dr.", "Prof."),
                text("FirstName", "First Name", 40),
                text("LastName", "Last Name", 80).required(),
                text("Name", "Full Name", 121).readOnly().defaulted(),
                reference("AccountId", "Account ID", "Account", "Account"),
                text("Title", "Title", 128),
                phone("Phone", "Business Phone"),
                phone("MobilePhone", "Mobile Phone"),
                phone("HomePhone", "Home Phone"),
                email("Email", "Email").idLookup(),
                picklist("LeadSource", "Lead Source", "Web", "Phone Inquiry", "Partner Referral", "Other"),
                textArea("Description", "Contact Description", 32000),
                owner());
    }

    private static SObjectSchema lead() {
        return object("Lead", "Lead", "Leads", "00Q", false, true,
                text("FirstName", "First Name", 40),
                text("LastName", "Last Name", 80).required(),
                text("Name", "Full Name", 121).readOnly().defaulted(),
                text("Company", "Company", 255).required(),
                text("Title", "Title", 128),
                phone("Phone", "Phone"),
                phone("MobilePhone", "Mobile Phone"),
                email("Email", "Email").idLookup(),
                picklist("Status", "Lead Status", "Open - Not Contacted", "Working - Contacted",
                        "Closed - Converted", "Closed - Not Converted").restricted().defaulted(),
                picklist("LeadSource", "Lead Source", "Web", "Phone Inquiry", "Partner Referral", "Other"),
                checkbox("IsConverted", "Converted").readOnly(),
                textArea("Description", "Description", 32000),
                owner());
    }

    private static SObjectSchema caseObject() {
        return object("Case", "Case", "Cases", "500", false, true,
                text("CaseNumber", "Case Number", 30).readOnly().defaulted().idLookup(),
                text("Subject", "Subject", 255),
                textArea("Description", "Description", 32000),
                picklist("Status", "Status", "New", "Working", "Escalated", "Closed").restricted().defaulted(),
                picklist("Origin", "Case Origin", "Phone", "Email", "Web", "WhatsApp").restricted(),
                picklist("Priority", "Priority", "High", "Medium", "Low").restricted().defaulted(),
                picklist("Type", "Case Type", "Question", "Problem", "Feature Request"),
                picklist("Reason", "Case Reason", "Installation", "Equipment Complexity", "Performance",
                        "Breakdown", "Feedback", "Other"),
                reference("ContactId", "Contact ID", "Contact", "Contact"),
                reference("AccountId", "Account ID", "Account", "Account"),
                reference("ParentId", "Parent Case ID", "Parent", "Case"),
                text("SuppliedName", "Web Name", 80),
                email("SuppliedEmail", "Web Email"),
                phone("SuppliedPhone", "Web Phone"),
                checkbox("IsEscalated", "Escalated"),
                checkbox("IsClosed", "Closed").readOnly(),
                Field.of("ClosedDate", "Closed Date", FieldType.DATETIME).readOnly(),
                owner());
    }

    private static SObjectSchema caseComment() {
        return object("CaseComment", "Case Comment", "Case Comments", "00a", false, false,
                reference("ParentId", "Parent ID", "Parent", "Case").required().createOnly(),
                textArea("CommentBody", "Body", 4000),
                checkbox("IsPublished", "Published"));
    }

    private static SObjectSchema task() {
        return object("Task", "Task", "Tasks", "00T", false, true,
                combobox("Subject", "Subject", 255, "Call", "Send Letter", "Send Quote", "Other"),
                picklist("Status", "Status", "Not Started", "In Progress", "Completed", "Waiting on someone else",
                        "Deferred").restricted().defaulted(),
                picklist("Priority", "Priority", "High", "Normal", "Low").restricted().defaulted(),
                Field.of("ActivityDate", "Due Date Only", FieldType.DATE),
                reference("WhoId", "Name ID", "Who", "Contact", "Lead"),
                reference("WhatId", "Related To ID", "What", "Account", "Case", REFERRAL, CX_INTAKE),
                picklist("TaskSubtype", "Task Subtype", "Task", "Email", "Call").restricted().createOnly(),
                picklist("CallType", "Call Type", "Inbound", "Outbound", "Internal").restricted(),
                text("CallObject", "Call Object Identifier", 255),
                Field.of("CallDurationInSeconds", "Call Duration", FieldType.INT),
                text("CallDisposition", "Call Result", 255),
                textArea("Description", "Description", 32000),
                checkbox("IsClosed", "Closed").readOnly(),
                owner());
    }

    /**
     * A calendar event, for its describe (Subject is a combobox as on Task). Salesforce's rule that an event needs
     * either DurationInMinutes or EndDateTime is not enforced here.
     */
    private static SObjectSchema event() {
        return object("Event", "Event", "Events", "00U", false, true,
                combobox("Subject", "Subject", 255, "Call", "Email", "Meeting", "Send Letter/Quote", "Other"),
                Field.of("ActivityDateTime", "Due Date Time", FieldType.DATETIME),
                Field.of("StartDateTime", "Start", FieldType.DATETIME),
                Field.of("EndDateTime", "End", FieldType.DATETIME),
                Field.of("DurationInMinutes", "Duration", FieldType.INT),
                checkbox("IsAllDayEvent", "All-Day Event"),
                reference("WhoId", "Name ID", "Who", "Contact", "Lead"),
                reference("WhatId", "Related To ID", "What", "Account", "Case", REFERRAL, CX_INTAKE),
                text("Location", "Location", 255),
                textArea("Description", "Description", 32000),
                owner());
    }

    private static SObjectSchema contentVersion() {
        return object("ContentVersion", "Content Version", "Content Versions", "068", false, true,
                text("Title", "Title", 255).defaulted(),
                text("PathOnClient", "Path On Client", 500).required().createOnly(),
                Field.of("VersionData", "Version Data", FieldType.BASE64).required().createOnly(),
                reference("FirstPublishLocationId", "First Publish Location ID", "FirstPublishLocation", LINKABLE)
                        .createOnly(),
                reference("ContentDocumentId", "ContentDocument ID", "ContentDocument", "ContentDocument")
                        .readOnly().defaulted(),
                text("FileExtension", "File Extension", 40).readOnly(),
                text("FileType", "File Type", 20).readOnly().defaulted(),
                Field.of("ContentSize", "Size", FieldType.INT).readOnly().defaulted(),
                text("VersionNumber", "Version Number", 20).readOnly().defaulted(),
                checkbox("IsLatest", "Is Latest").readOnly(),
                textArea("Description", "Description", 1000),
                owner());
    }

    private static SObjectSchema contentDocument() {
        return object("ContentDocument", "Content Document", "Content Documents", "069", false, true,
                text("Title", "Title", 255).required(),
                text("FileExtension", "File Extension", 40).readOnly(),
                text("FileType", "File Type", 20).readOnly().defaulted(),
                Field.of("ContentSize", "Size", FieldType.INT).readOnly().defaulted(),
                reference("LatestPublishedVersionId", "Latest Published Version ID", "LatestPublishedVersion",
                        "ContentVersion").readOnly().defaulted(),
                owner());
    }

    private static SObjectSchema contentDocumentLink() {
        return object("ContentDocumentLink", "Content Document Link", "Content Document Links", "06A", false, false,
                reference("ContentDocumentId", "ContentDocument ID", "ContentDocument", "ContentDocument")
                        .required().createOnly(),
                reference("LinkedEntityId", "Linked Entity ID", "LinkedEntity", LINKABLE).required().createOnly(),
                picklist("ShareType", "Share Type", "V", "C", "I").restricted().defaulted(),
                picklist("Visibility", "Visibility", "AllUsers", "InternalUsers", "SharedUsers").restricted()
                        .defaulted());
    }

    private static SObjectSchema referral() {
        return object(REFERRAL, "Referral", "Referrals", "a0x", true, true,
                text("Name", "Referral Name", 80).required(),
                picklist("Status__c", "Status", "Pending", "Under Evaluation", "Accepted", "Rejected", "Signed Up",
                        "Closed", "Send failed").restricted(),
                text("Receiving_Firm__c", "Receiving Firm", 255),
                text("CX_Id__c", "CX Id", 255).externalIdUnique(),
                text("CX_Reference_Number__c", "CX Reference Number", 255),
                // ticked in Salesforce to ask for the referral to be sent; the engine clears it once it has tried
                checkbox("Send_To_Case_Xchange__c", "Send To Case Xchange"),
                // raised by each new ask (a re-referral after a rejection is a new send, with a key of its own)
                Field.of("CX_Send_Number__c", "CX Send Number", FieldType.DOUBLE),
                owner());
    }

    private static SObjectSchema campaign() {
        return object("Campaign", "Campaign", "Campaigns", "701", false, true,
                text("Name", "Name", 80).required(),
                picklist("Type", "Type", "SMS", "Email", "Telemarketing", "Other"),
                picklist("Status", "Status", "Planned", "In Progress", "Completed", "Aborted").restricted()
                        .defaulted(),
                checkbox("IsActive", "Active"),
                textArea("Description", "Description", 32000),
                owner());
    }

    /** A Contact or a Lead in a Campaign (Salesforce takes one of the two per member). */
    private static SObjectSchema campaignMember() {
        return object("CampaignMember", "Campaign Member", "Campaign Members", "00v", false, false,
                reference("CampaignId", "Campaign ID", "Campaign", "Campaign").required().createOnly(),
                reference("ContactId", "Contact ID", "Contact", "Contact").createOnly(),
                reference("LeadId", "Lead ID", "Lead", "Lead").createOnly(),
                picklist("Status", "Status", CAMPAIGN_MEMBER_STATUSES.toArray(String[]::new)).restricted()
                        .defaulted());
    }

    private static SObjectSchema cxIntake() {
        return object(CX_INTAKE, "CX Intake", "CX Intakes", "a0y", true, true,
                text("Name", "CX Intake Name", 80).readOnly().defaulted(),
                text("casexchange__CX_Case_Id__c", "CX Case Id", 255).externalIdUnique(),
                text("casexchange__Reference_Number__c", "Reference Number", 255),
                text("casexchange__Status__c", "Status", 255),
                text("casexchange__Sending_Firm__c", "Sending Firm", 255),
                text("casexchange__Case_Type__c", "Case Type", 255),
                Field.of("casexchange__Incident_Date__c", "Incident Date", FieldType.DATE),
                text("casexchange__Client_First_Name__c", "Client First Name", 255),
                text("casexchange__Client_Last_Name__c", "Client Last Name", 255),
                phone("casexchange__Client_Phone__c", "Client Phone"),
                email("casexchange__Client_Email__c", "Client Email"),
                textArea("casexchange__Description__c", "Description", 131072),
                Field.of("casexchange__Acknowledged_At__c", "Acknowledged At", FieldType.DATETIME),
                owner());
    }

    private static Field owner() {
        return reference("OwnerId", "Owner ID", "Owner", "User").defaulted();
    }

    /** Adds the system fields every object has: Id first, the audit and system stamps last. */
    private static SObjectSchema object(String name, String label, String plural, String keyPrefix, boolean custom,
                                        boolean searchable, Field... fields) {
        List<FieldSchema> all = new ArrayList<>();
        all.add(Field.of("Id", label + " ID", FieldType.ID).readOnly().defaulted().idLookup().build());
        Stream.of(fields).map(Field::build).forEach(all::add);
        all.add(checkbox("IsDeleted", "Deleted").readOnly().build());
        all.add(Field.of("CreatedDate", "Created Date", FieldType.DATETIME).audit().build());
        all.add(reference("CreatedById", "Created By ID", "CreatedBy", "User").audit().build());
        all.add(Field.of("LastModifiedDate", "Last Modified Date", FieldType.DATETIME).audit().build());
        all.add(reference("LastModifiedById", "Last Modified By ID", "LastModifiedBy", "User").audit().build());
        all.add(Field.of("SystemModstamp", "System Modstamp", FieldType.DATETIME).readOnly().defaulted().build());
        return new SObjectSchema(name, label, plural, keyPrefix, custom, searchable, all);
    }
}
