package io.switchboard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.engine.EngineAgainstEmulator;
import io.switchboard.engine.RunningEngine;
import io.switchboard.store.ContactLink;
import io.switchboard.store.ContactLinks;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's contact-links and nodes pages over HTTP, signed in with the session cookie as a browser is, against
 * the engine on its real store: an unlink sent from the page removes the link there.
 */
class ConsoleContactsAndNodesTest {
    private static final String NODE = "console-node";
    @RegisterExtension
    static final EngineAgainstEmulator rig = EngineAgainstEmulator.shippedProject()
            .withSettings(Map.of("SWITCHBOARD_NODE_ID", NODE));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\">");
    private static String cookie;

    @BeforeAll
    static void signIn() throws Exception {
        HttpResponse<String> signedIn = post("/console/login", null, Map.of("token", RunningEngine.TOKEN));
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    private static ContactLinks links() {
        return rig.engine().store().contactLinks();
    }

    @Test
    void shouldFindLinksBySourceContactAndBySalesforceIdThenUnlinkOneThroughThePage() throws Exception {
        links().link("cinnox", "console-1", "003CONSOLE00000001", ContactLink.How.MANUAL);
        links().link("cinnox", "console-1", "003CONSOLE00000002", ContactLink.How.MATCHED);

        String bySource = page("/console/contacts?source=cinnox&contactId=console-1").body();
        assertTrue(bySource.contains("003CONSOLE00000001") && bySource.contains("003CONSOLE00000002"), bySource);
        assertTrue(bySource.contains("<td>matched</td>"), bySource);
        String bySalesforceId = page("/console/contacts?salesforceId=003CONSOLE00000002").body();
        assertTrue(bySalesforceId.contains("<td class=\"contact-id\">console-1</td>"), bySalesforceId);
        assertFalse(bySalesforceId.contains("003CONSOLE00000001"), "only the Contact searched: " + bySalesforceId);

        HttpResponse<String> unlinked = post("/console/contacts/unlink", cookie, unlinkForm(bySalesforceId));
        assertEquals(303, unlinked.statusCode(), unlinked.body());
        String back = unlinked.headers().firstValue("Location").orElseThrow();
        assertEquals("/console/contacts?source=cinnox&contactId=console-1&unlinked=1", back);
        assertEquals(List.of("003CONSOLE00000001"), links().linksOf("cinnox", "console-1").orElseThrow().stream()
                .map(ContactLink::salesforceId).toList(), "the link is gone from the store, the other kept");
        String after = page(back).body();
        assertTrue(after.contains("Unlinked.") && !after.contains("003CONSOLE00000002"), after);
    }

    @Test
    void shouldRefuseAnUnlinkWithoutItsCsrfTokenOrSessionAndKeepTheLink() throws Exception {
        links().link("cinnox", "console-2", "003CONSOLE00000003", ContactLink.How.MANUAL);
        Map<String, String> form = unlinkForm(page("/console/contacts?salesforceId=003CONSOLE00000003").body());

        Map<String, String> withoutToken = new LinkedHashMap<>(form);
        withoutToken.remove("csrf");
        HttpResponse<String> refused = post("/console/contacts/unlink", cookie, withoutToken);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("CSRF token is missing or wrong"), refused.body());
        withoutToken.put("csrf", "guessed");
        assertEquals(403, post("/console/contacts/unlink", cookie, withoutToken).statusCode());
        assertEquals(403, post("/console/contacts/unlink", null, form).statusCode(), "no session, no unlink");
        assertTrue(links().find("003CONSOLE00000003").isPresent(), "the link is still in the store");
    }

    @Test
    void shouldShowAContactIdWithAScriptAsTextAndStillUnlinkIt() throws Exception {
        String hostile = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
        links().link("cinnox", hostile, "003CONSOLE00000004", ContactLink.How.MANUAL);

        String shown = page("/console/contacts?source=cinnox&contactId=" + encode(hostile)).body();
        assertTrue(shown.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img"), shown);
        assertFalse(shown.contains("<script>") || shown.contains("<img"), "nothing of the contact id is markup: " + shown);
        HttpResponse<String> unlinked = post("/console/contacts/unlink", cookie, unlinkForm(shown));
        assertEquals(303, unlinked.statusCode(), unlinked.body());
        assertTrue(links().find("003CONSOLE00000004").isEmpty(), "the form carried the id back intact");
    }

    @Test
    void shouldSayWhatIsWrongWithASearchAndWhenNothingIsLinked() throws Exception {
        String tooLong = page("/console/contacts?source=cinnox&contactId=" + "x".repeat(300)).body();
        assertTrue(tooLong.contains("contactId: must be at most 255 characters"), tooLong);
        String withoutSource = page("/console/contacts?contactId=console-3").body();
        assertTrue(withoutSource.contains("source: needed with contactId"), withoutSource);
        String unknown = page("/console/contacts?salesforceId=003NOBODY").body();
        assertTrue(unknown.contains("No source contact is linked to 003NOBODY."), unknown);
        HttpResponse<String> gone = post("/console/contacts/unlink", cookie, Map.of("csrf", csrf(unknown), "source",
                "cinnox", "contactId", "console-3", "salesforceId", "003NOBODY"));
        assertEquals(404, gone.statusCode(), gone.body());
    }

    @Test
    void shouldListTheNodesAliveButNotOneSilentPastTheLease() throws Exception {
        rig.engine().store().nodeSeen("console-other", Instant.now());
        rig.engine().store().nodeSeen("console-gone", Instant.now().minus(Duration.ofHours(1)));

        String nodes = page("/console/nodes").body();
        assertTrue(nodes.contains("<td class=\"node-id\">" + NODE + "</td>"), nodes);
        assertTrue(nodes.contains("<td class=\"node-id\">console-other</td>"), nodes);
        assertFalse(nodes.contains("console-gone"), nodes);
        assertTrue(nodes.contains("<code id=\"this-node\">" + NODE + "</code>"), nodes);
        assertTrue(nodes.contains("href=\"/console/nodes\"") && nodes.contains("href=\"/console/contacts\""),
                "both pages are in the navigation: " + nodes);
    }

    @Test
    void shouldShowTheSignInPageWithoutASession() throws Exception {
        for (String path : List.of("/console/contacts", "/console/nodes")) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(answer.body().contains("<title>Sign in · Switchboard</title>"), path + ": " + answer.body());
        }
    }

    /** The unlink form of the page's first link, as the browser would send it. */
    private static Map<String, String> unlinkForm(String page) {
        int form = page.indexOf("action=\"/console/contacts/unlink\"");
        assertTrue(form >= 0, "the page has an unlink form: " + page);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page.substring(form, page.indexOf("</form>", form)));
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        return fields;
    }

    private static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertTrue(token.find(), page);
        return token.group(1);
    }

    private static String unescape(String value) {
        return value.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static HttpResponse<String> page(String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer;
    }

    private static HttpResponse<String> post(String path, String sessionCookie, Map<String, String> form)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                        .collect(Collectors.joining("&"))));
        if (sessionCookie != null) {
            request.header("Cookie", sessionCookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String base() {
        return "http://localhost:" + rig.engine().port();
    }
}
