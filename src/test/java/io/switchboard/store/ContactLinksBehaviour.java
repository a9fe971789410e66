package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.store.ContactLink.How;
import io.switchboard.store.LinkResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The links between source contacts and Salesforce Contacts, on every store database: the two limits hold however
 * many requests race, because the database keeps them. Two stores on one database stand for two nodes.
 */
abstract class ContactLinksBehaviour {
    private static final int RACERS = 20;

    private EventStore store;
    private EventStore otherNode;

    protected abstract String freshJdbcUrl() throws Exception;

    @BeforeEach
    void openStores() throws Exception {
        String url = freshJdbcUrl();
        store = EventStore.open(url);
        otherNode = EventStore.open(url);
    }

    @AfterEach
    void closeStores() {
        otherNode.close();
        store.close();
    }

    private static String contact(int n) {
        return String.format("003000000000%03dAAA", n);
    }

    @Test
    void shouldLinkAContactOnceAndSayWhoHoldsItWhenAnotherSourceContactAsks() {
        ContactLinks links = store.contactLinks();
        assertEquals(Outcome.LINKED, links.link("cinnox", "ext-1", contact(1), How.MATCHED).outcome());
        assertEquals(Outcome.ALREADY_LINKED, links.link("cinnox", "ext-1", contact(1), How.MANUAL).outcome());
        LinkResult elsewhere = links.link("cinnox", "ext-2", contact(1), How.MANUAL);

        assertEquals(Outcome.LINKED_ELSEWHERE, elsewhere.outcome());
        assertEquals("ext-1", elsewhere.existing().orElseThrow().contactId());
        assertEquals(How.MATCHED, links.find(contact(1)).orElseThrow().how(), "the first link is kept as it was");
        assertEquals(List.of(), links.linksOf("cinnox", "ext-2").orElseThrow(), "the refused contact holds nothing");
    }

    @Test
    void shouldRefuseAnEleventhLinkAndTakeOneAgainOnceOneIsRemoved() {
        ContactLinks links = store.contactLinks();
        for (int n = 1; n <= 10; n++) {
            assertEquals(Outcome.LINKED, links.link("cinnox", "ext-1", contact(n), How.MATCHED).outcome());
        }
        assertEquals(Outcome.LIMIT_REACHED, links.link("cinnox", "ext-1", contact(11), How.MANUAL).outcome());
        assertTrue(links.unlink("cinnox", "ext-1", contact(3)));
        assertFalse(links.unlink("cinnox", "ext-1", contact(3)), "a link is removed once");

        assertEquals(Outcome.LINKED, links.link("cinnox", "ext-1", contact(11), How.MANUAL).outcome());
        assertEquals(10, links.linksOf("cinnox", "ext-1").orElseThrow().size());
    }

    @Test
    void shouldKeepTenLinksAtMostWhenTwentyRequestsOnTwoNodesRace() throws Exception {
        List<Outcome> outcomes = race(n -> (n % 2 == 0 ? store : otherNode).contactLinks()
                .link("cinnox", "ext-1", contact(n), How.MANUAL).outcome());

        assertEquals(Map.of(Outcome.LINKED, 10L, Outcome.LIMIT_REACHED, 10L),
                outcomes.stream().collect(Collectors.groupingBy(outcome -> outcome, Collectors.counting())));
        assertEquals(10, store.contactLinks().linksOf("cinnox", "ext-1").orElseThrow().size());
    }

    @Test
    void shouldGiveOneContactToOneOfTwentySourceContactsRacingForIt() throws Exception {
        List<Outcome> outcomes = race(n -> (n % 2 == 0 ? store : otherNode).contactLinks()
                .link("cinnox", "ext-" + n, contact(1), How.MANUAL).outcome());

        assertEquals(Map.of(Outcome.LINKED, 1L, Outcome.LINKED_ELSEWHERE, 19L),
                outcomes.stream().collect(Collectors.groupingBy(outcome -> outcome, Collectors.counting())));
        String holder = store.contactLinks().find(contact(1)).orElseThrow().contactId();
        assertEquals(1, store.contactLinks().linksOf("cinnox", holder).orElseThrow().size());
    }

    @Test
    void shouldForgetASourceContactWithAllItsLinksAndFreeItsContacts() {
        ContactLinks links = store.contactLinks();
        links.link("cinnox", "ext-1", contact(1), How.MATCHED);
        links.link("cinnox", "ext-1", contact(2), How.CREATED);

        List<ContactLink> removed = links.forget("cinnox", "ext-1");

        assertEquals(List.of(contact(1), contact(2)), removed.stream().map(ContactLink::salesforceId).toList());
        assertTrue(links.linksOf("cinnox", "ext-1").isEmpty(), "the source contact is unknown now");
        assertEquals(Outcome.LINKED, links.link("cinnox", "ext-2", contact(1), How.MANUAL).outcome());
        assertEquals(Map.of(contact(1), "ext-2"), links.linksOfContacts(List.of(contact(1), contact(2))).values().stream()
                .collect(Collectors.toMap(ContactLink::salesforceId, ContactLink::contactId)));
    }

    @Test
    void shouldKeepWhatTheEngineLastWroteToALinkedContact() {
        ContactLinks links = store.contactLinks();
        links.link("cinnox", "ext-1", contact(1), How.CREATED);
        links.rememberWritten(contact(1), "{\"FirstName\":\"Maria\"}");

        assertEquals("{\"FirstName\":\"Maria\"}", otherNode.contactLinks().writtenValues(contact(1)).orElseThrow());
        assertTrue(links.writtenValues(contact(2)).isEmpty());
    }

    /** Runs the request for 1..20 at once, all released together, and answers their outcomes. */
    private static List<Outcome> race(RacingRequest request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> answers = new ArrayList<>();
            for (int n = 1; n <= RACERS; n++) {
                int racer = n;
                Callable<Outcome> call = () -> {
                    start.await();
                    return request.send(racer);
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> answer : answers) {
                outcomes.add(answer.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface RacingRequest {
        Outcome send(int n);
    }
}
