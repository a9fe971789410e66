package io.switchboard.lookup;

import static io.switchboard.emulator.seed.SeededOrg.AGENT_EMAIL;
import static io.switchboard.emulator.seed.SeededOrg.AGENT_USER_ID;
import static io.switchboard.emulator.seed.SeededOrg.CUSTOMER_COMMENT_EMAIL;
import static io.switchboard.emulator.seed.SeededOrg.CUSTOMER_COMMENT_USER_ID;
import static io.switchboard.emulator.seed.SeededOrg.INACTIVE_EMAIL;
import static io.switchboard.emulator.seed.SeededOrg.INTEGRATION_USER_ID;
import static io.switchboard.emulator.seed.SeededOrg.MARIA_CONTI_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.switchboard.mapping.CreateModule;
import io.switchboard.mapping.Person;
import io.switchboard.mapping.PersonFields;
import io.switchboard.mapping.SearchTarget;
import io.switchboard.testing.EmulatedOrg;
import io.switchboard.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Users by email and the conversation's Contact, against the emulated org over HTTP. */
class UserAndContactLookupTest {
    private static final SearchTarget CONTACTS = new SearchTarget("Contact", List.of("Phone", "MobilePhone"));
    private static EmulatedOrg org;
    private MutableClock clock;
    private LookupUser users;
    private RecentPersonMatches persons;

    @BeforeAll
    static void start() {
        org = new EmulatedOrg();
    }

    @AfterAll
    static void stop() throws Exception {
        org.close();
    }

    @BeforeEach
    void reset() {
        org.admin().reset();
        clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
        users = new LookupUser(org.client(), LookupUser.By.EMAIL, Duration.ofMinutes(10), clock);
        persons = new RecentPersonMatches(new FindPersonByPhone(org.client()), RecentPersonMatches.DEFAULT_TTL, clock);
    }

    @Test
    void shouldFindTheActiveUserWithTheEmail() {
        UserMatch match = users.lookup(AGENT_EMAIL);
        assertEquals(new UserMatch(AGENT_USER_ID, false, List.of()), match);
    }

    @Test
    void shouldFallBackToTheConnectionsOwnUserForAnInactiveUser() {
        UserMatch match = users.lookup(INACTIVE_EMAIL);
        assertEquals(INTEGRATION_USER_ID, match.userId());
        assertTrue(match.fallback());
        assertEquals(List.of("the Salesforce user with email " + INACTIVE_EMAIL + " is inactive; using the connection's "
                + "own user " + INTEGRATION_USER_ID), match.warnings());
    }

    @Test
    void shouldFallBackToTheConnectionsOwnUserWhenNoUserHasTheEmail() {
        UserMatch match = users.lookup("nobody@example.com");
        assertEquals(INTEGRATION_USER_ID, match.userId());
        assertTrue(match.warnings().get(0).startsWith("no Salesforce user has email nobody@example.com"));
    }

    @Test
    void shouldLookUsersUpByUsernameNamingTheSettingWhenItIsMissingOrWrong() {
        LookupUser byUsername = new LookupUser(org.client(), LookupUser.By.USERNAME, Duration.ofMinutes(10), clock);
        assertEquals(new UserMatch(CUSTOMER_COMMENT_USER_ID, false, List.of()),
                byUsername.lookup(CUSTOMER_COMMENT_EMAIL, "SF_CUSTOMER_COMMENT_USERNAME"));
        assertEquals(List.of("SF_CUSTOMER_COMMENT_USERNAME is not set; using the connection's own user "
                + INTEGRATION_USER_ID), byUsername.lookup(null, "SF_CUSTOMER_COMMENT_USERNAME").warnings());
        assertEquals(List.of("no Salesforce user has username nobody@example.com (SF_CUSTOMER_COMMENT_USERNAME); using "
                + "the connection's own user " + INTEGRATION_USER_ID),
                byUsername.lookup("nobody@example.com", "SF_CUSTOMER_COMMENT_USERNAME").warnings());
    }

    @Test
    void shouldMatchNothingForAnEmailThatTriesToWidenTheQuery() {
        UserMatch match = users.lookup("x' OR Email != 'x\\");
        assertTrue(match.fallback(), match.toString());
    }

    @Test
    void shouldAnswerARepeatedLookupFromTheCacheUntilItExpires() {
        org.admin().clearRequests();
        users.lookup(AGENT_EMAIL);
        users.lookup(AGENT_EMAIL.toUpperCase());
        assertEquals(1, org.calls("GET /query"));
        clock.advance(Duration.ofMinutes(11));
        users.lookup(AGENT_EMAIL);
        assertEquals(2, org.calls("GET /query"));
    }

    @Test
    void shouldFindTheExistingContactByPhone() {
        assertEquals(MARIA_CONTI_ID, persons.find("+393331234567", List.of(CONTACTS)).found().orElseThrow().id());
    }

    @Test
    void shouldNameANewContactAfterTheCustomerSplitAtTheLastSpace() {
        ObjectNode fields = PersonFields.of(CreateModule.CONTACT, "+39 320 555 0199", "Anna Maria Rossi");
        assertEquals("{\"FirstName\":\"Anna Maria\",\"LastName\":\"Rossi\",\"Phone\":\"+39 320 555 0199\"}",
                fields.toString());
    }

    @Test
    void shouldNameANewContactAfterTheNumberWhenTheCustomerHasNoName() {
        assertEquals("{\"LastName\":\"+393205550199\",\"Phone\":\"+393205550199\"}",
                PersonFields.of(CreateModule.CONTACT, "+393205550199", null).toString());
        assertEquals("{\"LastName\":\"Rossi\",\"Company\":\"[not provided]\",\"Phone\":\"+393205550199\"}",
                PersonFields.of(CreateModule.LEAD, "+393205550199", "Rossi").toString());
    }

    @Test
    void shouldFindTheContactItJustCreatedBeforeTheSearchIndexHoldsIt() {
        org.admin().searchLagMillis(60_000);
        String created = org.client().create("Contact", PersonFields.of(CreateModule.CONTACT, "+393205550199",
                "Anna Rossi")).path("id").asText();
        persons.remember("+393205550199", List.of(CONTACTS), new Person("Contact", created, clock.instant()));
        assertEquals(created, persons.find("+39 320 555 0199", List.of(CONTACTS)).found().orElseThrow().id());
    }

    @Test
    void shouldAnswerARepeatedPhoneSearchFromMemoryWhateverTheFormattingUntilItExpires() {
        org.admin().clearRequests();
        persons.find("+393331234567", List.of(CONTACTS));
        assertEquals(MARIA_CONTI_ID, persons.find("+39 333 123 4567", List.of(CONTACTS)).found().orElseThrow().id());
        assertEquals(1, org.calls("GET /search"));
        clock.advance(Duration.ofMinutes(11));
        persons.find("+393331234567", List.of(CONTACTS));
        assertEquals(2, org.calls("GET /search"));
    }

    @Test
    void shouldSpendNoCallOnTheNextSearchForANumberItCreatedAContactFor() {
        persons.remember("+393205550177", List.of(CONTACTS), new Person("Contact", "0038d0000000099AAA", clock.instant()));
        org.admin().clearRequests();
        assertEquals("0038d0000000099AAA", persons.find("+393205550177", List.of(CONTACTS)).found().orElseThrow().id());
        assertEquals(0, org.admin().requests().size(), org.admin().requests().toString());
    }

    @Test
    void shouldSearchAgainForANumberThatMatchedNobodyAndForAPersonForgotten() {
        RecentPersonMatches matches = new RecentPersonMatches(new FindPersonByPhone(org.client()),
                RecentPersonMatches.DEFAULT_TTL, clock);
        org.admin().clearRequests();
        matches.find("+393205550188", List.of(CONTACTS));
        matches.find("+393205550188", List.of(CONTACTS));
        assertEquals(2, org.calls("GET /search"));
        matches.find("+393331234567", List.of(CONTACTS));
        matches.forget(MARIA_CONTI_ID);
        matches.find("+393331234567", List.of(CONTACTS));
        assertEquals(4, org.calls("GET /search"));
    }
}
