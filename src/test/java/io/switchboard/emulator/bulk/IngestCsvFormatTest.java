package io.switchboard.emulator.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.emulator.EmulatorClient.Answer;
import io.switchboard.emulator.EmulatorFixture;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How job data is read: RFC 4180 quoting with the job's delimiter and line ending, values never trimmed, UTF-8,
 * and the malformed data that fails a whole job with Salesforce's errorMessage.
 */
class IngestCsvFormatTest extends EmulatorFixture {
    private BulkClient bulk;

    @BeforeEach
    void bulkClient() {
        bulk = new BulkClient(client);
    }

    private JsonNode contactNamed(String lastName, String fields) {
        Answer answer = client.get("/query?q=" + client.encode("SELECT " + fields + " FROM Contact WHERE LastName = '"
                + lastName + "'"));
        assertEquals(1, answer.json().get("totalSize").asInt(), answer.json().toString());
        return answer.json().get("records").get(0);
    }

    /** Runs an insert of Contacts with this CSV and answers the finished JobInfo. */
    private JsonNode insertContacts(String jobOptions, String csv) {
        String jobId = bulk.open("{'object':'Contact','operation':'insert'" + jobOptions + "}");
        bulk.uploaded(jobId, csv);
        return bulk.closeAndAwait(jobId).json();
    }

    private void assertJobFails(String jobOptions, String csv, String errorMessage) {
        JsonNode job = insertContacts(jobOptions, csv);
        assertEquals("Failed", job.get("state").asText(), job.toString());
        assertEquals(errorMessage, job.get("errorMessage").asText());
        assertEquals(0, job.get("numberRecordsProcessed").asLong());
    }

    @Test
    void shouldReadTheDocumentedSemicolonExampleWithQuotesAndALineBreak() {
        JsonNode job = insertContacts(",'columnDelimiter':'SEMICOLON'",
                "FirstName;LastName;Title;Description\n"
                        + "Tom;Jones;Senior Director;\"Self-described as \"\"the top\"\" branding guru\"\n"
                        + "Ian;Dury;Chief Imagineer;\"Expert in fuzzy logic design; Knowledgeable in AI\n"
                        + "Influential in technology purchases.\"\n");

        assertEquals(2, job.get("numberRecordsProcessed").asLong());
        assertEquals(0, job.get("numberRecordsFailed").asLong());
        assertEquals("Self-described as \"the top\" branding guru",
                contactNamed("Jones", "Description").get("Description").asText());
        assertEquals("Expert in fuzzy logic design; Knowledgeable in AI\nInfluential in technology purchases.",
                contactNamed("Dury", "Description").get("Description").asText());
    }

    @Test
    void shouldReadCrlfDataAndAnswerResultsWithTheJobsDelimiterAndLineEnding() {
        String jobId = bulk.open("{'object':'Contact','operation':'insert','lineEnding':'CRLF',"
                + "'columnDelimiter':'PIPE'}");
        bulk.uploaded(jobId, "LastName|Description\r\nWindows|\"two\r\nlines | one pipe\"\r\n");
        bulk.closeAndAwait(jobId);

        String id = contactNamed("Windows", "Id").get("Id").asText();
        assertEquals("two\r\nlines | one pipe", contactNamed("Windows", "Description").get("Description").asText());
        assertEquals("\"sf__Id\"|\"sf__Created\"|LastName|Description\r\n\"" + id
                + "\"|\"true\"|\"Windows\"|\"two\r\nlines | one pipe\"\r\n", bulk.results(jobId, "successfulResults"));
    }

    @Test
    void shouldReadTabCaretAndBackquoteDelimitedData() {
        insertContacts(",'columnDelimiter':'TAB'", "LastName\tTitle\nTabulato\tA, B\n");
        insertContacts(",'columnDelimiter':'CARET'", "LastName^Title\nCaret^\"x^y\"\n");
        insertContacts(",'columnDelimiter':'BACKQUOTE'", "LastName`Title\nBackquote`plain\n");

        assertEquals("A, B", contactNamed("Tabulato", "Title").get("Title").asText());
        assertEquals("x^y", contactNamed("Caret", "Title").get("Title").asText());
        assertEquals("plain", contactNamed("Backquote", "Title").get("Title").asText());
    }

    @Test
    void shouldFailAJobWhoseDataUsesTheOtherLineEnding() {
        assertJobFails("", "LastName\r\nRossi\r\n",
                "ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF");
        assertJobFails(",'lineEnding':'CRLF'", "LastName\nRossi\n",
                "ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is CRLF");
        assertJobFails(",'lineEnding':'CRLF'", "LastName,Description\r\nRossi,\"line\nbreak\"\r\n",
                "ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is CRLF");
    }

    @Test
    void shouldKeepSpacesAndMatchHeaderNamesInAnyCase() {
        String jobId = bulk.open("{'object':'Contact','operation':'insert'}");
        bulk.uploaded(jobId, "lastname,TITLE\nSpazio, padded \n");
        bulk.closeAndAwait(jobId);

        assertEquals(" padded ", contactNamed("Spazio", "Title").get("Title").asText());
        assertEquals(List.of("sf__Id", "sf__Created", "lastname", "TITLE"),
                ResultCsv.parse(bulk.results(jobId, "successfulResults")).header());
    }

    @Test
    void shouldKeepCharactersBeyondAscii() {
        insertContacts("", "LastName,Title\nBodø,Direttrice – Quintães\n");

        assertEquals("Direttrice – Quintães", contactNamed("Bodø", "Title").get("Title").asText());
    }

    @Test
    void shouldSkipBlankLinesAndTakeALastRowWithoutLineEnding() {
        JsonNode job = insertContacts("", "LastName\n\nVuoto\n\nUltimo");

        assertEquals(2, job.get("numberRecordsProcessed").asLong());
        assertEquals("Ultimo", contactNamed("Ultimo", "LastName").get("LastName").asText());
    }

    @Test
    void shouldFailOnAByteOrderMarkAsSalesforceReadsItAsData() {
        assertJobFails("", "\uFEFFLastName\nRossi\n", "InvalidBatch : Field name not found : \uFEFFLastName");
        assertJobFails("", "\uFEFF\"LastName\"\nRossi\n", "InvalidBatch : Failed to parse CSV. Found unescaped quote");
    }

    @Test
    void shouldFailOnQuotesOutsideAQuotedValue() {
        assertJobFails("", "LastName,Title\nRossi, \"Agent\"\n",
                "InvalidBatch : Failed to parse CSV. Found unescaped quote");
        assertJobFails("", "LastName,Title\n\"Ros\"si,Agent\n",
                "InvalidBatch : Failed to parse CSV. Found unescaped quote");
        assertJobFails("", "LastName,Title\nRossi,\"Agent\n",
                "InvalidBatch : Failed to parse CSV. EOF reached before closing an opened quote");
    }

    @Test
    void shouldFailOnARowWithMoreOrFewerValuesThanTheHeader() {
        assertJobFails("", "LastName,Title\nRossi,Agent\nBianchi,Agent,Extra\n",
                "InvalidBatch : Failed to parse CSV. Row 2 has 3 values but the header row has 2 columns");
    }

    @Test
    void shouldFailOnAHeaderNamingAFieldTwice() {
        assertJobFails("", "LastName,lastname\nRossi,Rossi\n", "InvalidBatch : Duplicate field name: lastname");
    }

    @Test
    void shouldFailOnRelationshipColumnsWhichTheEmulatorDoesNotResolve() {
        assertJobFails("", "LastName,Account.AccountNumber\nRossi,ACME-1\n",
                "InvalidBatch : Field name not found : Account.AccountNumber");
    }

    @Test
    void shouldFailOnAHeaderRowLongerThanSalesforceTakes() {
        String header = "LastName," + "x".repeat(32_000);
        assertJobFails("", header + "\nRossi,x\n", "InvalidBatch : The header row exceeds 32,000 characters");
    }
}
