package io.switchboard.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's headless Chromium through its chromedriver), on the engine and emulator
 * that {@code demo --console} from the packaged jar leaves running, as a newcomer would open it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
    private static final Path JAR = Path.of("target/switchboard.jar");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final Pattern EMULATOR = Pattern.compile(".*listening on (http://127\\.0\\.0\\.1:\\d+).*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Process demo;
    private static final List<String> demoOutput = new ArrayList<>();
    private static String token;
    private static String console;
    private static String emulator;
    private static Path profile;
    private static ChromeDriver browser;

    @BeforeAll
    static void startTheDemoAndTheBrowser() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "the browser tests need Debian's "
                + "chromium and chromium-driver: apt-get install chromium chromium-driver (.ci/run does)");
        int port = freePort();
        token = UUID.randomUUID().toString();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "demo", "--console").redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("SF_") || name.startsWith("SWITCHBOARD_"));
        builder.environment().put("SWITCHBOARD_PORT", String.valueOf(port));
        builder.environment().put("SWITCHBOARD_API_TOKEN", token);
        demo = builder.start();
        BufferedReader output = new BufferedReader(new InputStreamReader(demo.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.startsWith("== Console")) {
            demoOutput.add(line);
            Matcher listening = EMULATOR.matcher(line);
            if (listening.matches()) {
                emulator = listening.group(1);
            }
        }
        assertTrue(line != null, "demo --console never said the console is up: " + String.join("\n", demoOutput));
        String signIn = output.readLine();
        assertTrue(signIn.contains("http://localhost:" + port + "/console") && signIn.contains("your SWITCHBOARD_API_TOKEN")
                && !signIn.contains(token), signIn);
        drain(output);
        console = "http://localhost:" + port;
        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("switchboard-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopThem() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (demo != null) {
            demo.destroy();
            assertTrue(demo.waitFor(60, TimeUnit.SECONDS), "demo --console did not stop on SIGTERM");
        }
    }

    @Test
    @Order(1)
    void shouldSignInWithTheTokenAfterRefusingAWrongOne() throws Exception {
        browser.get(console + "/console");
        assertEquals("Sign in · Switchboard", browser.getTitle());
        signIn("not-the-token");
        String refusal = awaitText("main", "That is not the API token.");
        assertTrue(refusal.contains("That is not the API token."), refusal);
        signIn(token);
        // the click may return before the browser has left the page it was on, which has the same title
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> !page.getTitle().startsWith("Sign in"));
        assertEquals("Events · Switchboard", browser.getTitle());
        Cookie session = browser.manage().getCookieNamed(ConsoleExchange.SESSION_COOKIE);
        assertTrue(session.isHttpOnly(), "the session cookie is HttpOnly");
        assertEquals("Strict", session.getSameSite());
        assertFalse(browser.getCurrentUrl().contains(token), "the token is never in a URL");
        assertEquals(null, ((JavascriptExecutor) browser).executeScript("return document.cookie.includes('"
                + ConsoleExchange.SESSION_COOKIE + "') ? 'visible' : null"), "scripts cannot read the session");
    }

    @Test
    @Order(2)
    void shouldShowTheDemoEventsThenReplayAFailedOneUntilItIsDone() throws Exception {
        browser.get(console + "/console");
        String events = text("table.events");
        for (String type : List.of("conversation-closed", "call", "referral-status-changed", "case-acknowledged")) {
            assertTrue(events.contains(type), "the demo's " + type + " event is listed: " + events);
        }
        screenshot("events");
        // Salesforce refuses the next referral update once, in a way no retry overcomes: the event fails
        adminPost("/__admin/faults", "{\"kind\":\"STORAGE_LIMIT_EXCEEDED\",\"count\":1,\"method\":\"PATCH\","
                + "\"pathContains\":\"/sobjects/Referral__c/\"}");
        String id = postEvent("referral-status-changed", """
                {"source":"casexchange","referralId":"CX-BROWSER-1","referenceNumber":"REF-2026-0999","status":"Accepted",
                 "receivingFirm":"Smith & Partners LLP","salesforceRecordId":"a0x8d0000000001AAA","changedAt":"2026-11-21T09:00:00Z"}
                """);
        awaitApiStatus(id, "failed");
        browser.get(console + "/console?status=failed");
        browser.findElement(By.linkText(id)).click();
        assertEquals("failed", awaitText("#event-status", "failed"));
        assertTrue(text("main").contains("STORAGE_LIMIT_EXCEEDED"), text("main"));
        screenshot("event-failed");
        browser.findElement(By.id("replay")).click();
        String replayed = awaitText("main", "Replayed");
        assertTrue(replayed.contains("Replayed"), replayed);
        new WebDriverWait(browser, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(300))
                .ignoring(StaleElementReferenceException.class).until(page -> {
            page.navigate().refresh();
            return "done".equals(text("#event-status"));
        });
        // the history keeps the failed attempt before the replay and the one that succeeded after it
        List<String> outcomes = browser.findElements(By.cssSelector("table.attempts td.status")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("failed", "done"), outcomes, text("main"));
        assertTrue(text("table.attempts").contains("STORAGE_LIMIT_EXCEEDED"), text("table.attempts"));
        WebElement record = browser.findElement(By.cssSelector("a.record"));
        assertTrue(record.getAttribute("href").endsWith("/lightning/r/Referral__c/a0x8d0000000001AAA/view"),
                record.getAttribute("href"));
        screenshot("event-done");
    }

    @Test
    @Order(3)
    void shouldShowAScriptInAConversationAsText() throws Exception {
        String script = "<script>document.title='owned'</script><img src=x onerror=\"document.title='owned'\">";
        ObjectNode conversation = (ObjectNode) JSON.readTree(Path.of("config/samples/conversation-closed--whatsapp.json")
                .toFile());
        conversation.put("conversationId", "xss-1");
        ((ObjectNode) conversation.path("messages").get(0)).put("text", script);
        String id = postEvent("conversation-closed", conversation.toString());
        browser.get(console + "/console?q=xss-1");
        browser.findElement(By.linkText(id)).click();
        awaitElement("pre.payload");
        assertTrue(text("pre.payload").contains("<script>document.title='owned'</script>"), text("pre.payload"));
        assertTrue(browser.findElements(By.cssSelector("main script, main img")).isEmpty(), "no element was injected");
        assertNotEquals("owned", browser.getTitle());
    }

    @Test
    @Order(4)
    void shouldRefuseAFormWithoutItsCsrfToken() throws Exception {
        String id = postEvent("referral-status-changed", """
                {"source":"casexchange","referralId":"CX-BROWSER-2","referenceNumber":"REF-2026-0998","status":"Accepted",
                 "receivingFirm":"Smith & Partners LLP","salesforceRecordId":"a0x8d0000000001AAA","changedAt":"2026-11-21T09:30:00Z"}
                """);
        browser.get(console + "/console/events/" + id);
        // the page's own form, signed in, with its CSRF field taken out
        ((JavascriptExecutor) browser).executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = '/console/events/' + arguments[0] + '/replay';
                document.body.appendChild(form);
                form.submit();""", id);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> page.getTitle().startsWith("Refused"));
        assertTrue(text("main").contains("CSRF token is missing or wrong"), text("main"));
        String cookie = ConsoleExchange.SESSION_COOKIE + "=" + browser.manage().getCookieNamed(ConsoleExchange.SESSION_COOKIE)
                .getValue();
        HttpResponse<String> withoutToken = HTTP.send(HttpRequest.newBuilder(URI.create(console + "/console/events/" + id
                        + "/replay")).header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=guessed")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, withoutToken.statusCode());
    }

    @Test
    @Order(5)
    void shouldShowTheConnectionAndRunItsCheck() throws Exception {
        browser.get(console + "/console/connections");
        assertTrue(text(".login-state").startsWith("ok"), text(".login-state"));
        browser.findElement(By.cssSelector("button.check")).click();
        String report = awaitText("#check-report", "result");
        assertTrue(report.contains("login           ok") && report.contains("result          usable"), report);
        screenshot("connections");
    }

    @Test
    @Order(6)
    void shouldFindAContactLinkThenUnlinkItAndShowTheNodes() throws Exception {
        // a Contact of its own, which nothing the demo sent can have linked already
        String contact = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(emulator + "/__admin/records/Contact"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"LastName\":\"Browser Linked\"}")).build(), HttpResponse.BodyHandlers.ofString()).body())
                .path("id").asText();
        HttpResponse<String> linked = HTTP.send(HttpRequest.newBuilder(URI.create(console + "/contacts/cinnox/browser-1/links/"
                        + contact)).header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, linked.statusCode(), linked.body());
        browser.get(console + "/console");
        browser.findElement(By.linkText("Contact links")).click();
        awaitElement("#by-salesforce-id");
        WebElement search = browser.findElement(By.cssSelector("#by-salesforce-id input[name=salesforceId]"));
        search.sendKeys(contact);
        browser.findElement(By.cssSelector("#by-salesforce-id button")).click();
        awaitElement("td.contact-id");
        assertEquals("browser-1", text("td.contact-id"));
        screenshot("contact-links");
        browser.findElement(By.cssSelector("button.unlink")).click();
        String unlinked = awaitText("main", "Unlinked.");
        assertTrue(unlinked.contains("Unlinked."), unlinked);
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(console + "/contacts/cinnox/browser-1/links/"
                        + contact)).header("Authorization", "Bearer " + token).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "the page's unlink removed the link");

        browser.findElement(By.linkText("Nodes")).click();
        awaitElement("#this-node");
        String node = text("#this-node");
        assertTrue(browser.findElements(By.cssSelector("td.node-id")).stream().anyMatch(cell -> cell.getText()
                .equals(node)), text("main"));
        screenshot("nodes");
    }

    @Test
    @Order(7)
    void shouldDescribeTheApiWithoutATokenAndShowItInSwaggerUi() throws Exception {
        HttpResponse<String> description = HTTP.send(HttpRequest.newBuilder(URI.create(console + "/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, description.statusCode());
        JsonNode document = JSON.readTree(description.body());
        assertTrue(document.path("openapi").asText().startsWith("3."), description.body());
        assertTrue(document.path("paths").has("/events/{type}") && document.path("paths").has("/api/describe"),
                document.path("paths").toString());
        browser.get(console + "/console/api");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(page -> !page.findElements(By.cssSelector(".opblock")).isEmpty());
        assertTrue(text("#swagger-ui").contains("/events/{type}"), text("#swagger-ui"));
        screenshot("api");
    }

    @Test
    @Order(8)
    void shouldEndTheSessionOnSignOut() {
        browser.get(console + "/console");
        browser.findElement(By.xpath("//button[text()='Sign out']")).click();
        assertEquals("Sign in · Switchboard", awaitTitle("Sign in · Switchboard"));
        browser.get(console + "/console/connections");
        assertEquals("Sign in · Switchboard", browser.getTitle());
    }

    private static void signIn(String value) {
        WebElement field = browser.findElement(By.name("token"));
        field.clear();
        field.sendKeys(value);
        browser.findElement(By.cssSelector("form.login button")).click();
    }

    /** Until the page the last click went to shows the element: a click may return before that page is loaded. */
    private static void awaitElement(String css) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> !page.findElements(By.cssSelector(css)).isEmpty());
    }

    /**
     * The element's text once it contains what is expected, or its last text after 10 s. A form's submit returns
     * before its answer replaces the page, so the element first found may be the old page's, gone a moment later.
     */
    private static String awaitText(String css, String expected) {
        return awaitSeen(() -> text(css), seen -> seen.contains(expected));
    }

    /** The page's title once it is the one expected, or the last one seen after 10 s: a click returns before the page it leads to. */
    private static String awaitTitle(String expected) {
        return awaitSeen(browser::getTitle, expected::equals);
    }

    /** Looks every 100 ms until what it sees is wanted, for 10 s at most; answers the last thing seen. */
    private static String awaitSeen(Supplier<String> look, Predicate<String> wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String seen = "";
        while (System.nanoTime() < deadline) {
            try {
                seen = look.get();
                if (wanted.test(seen)) {
                    return seen;
                }
            } catch (StaleElementReferenceException | NoSuchElementException pageBeingReplaced) {
                // the next look finds the new page's element
            }
            sleep(100);
        }
        return seen;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static void screenshot(String name) throws IOException {
        Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(taken, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String postEvent(String type, String json) throws Exception {
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(console + "/events/" + type))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, accepted.statusCode(), accepted.body());
        return JSON.readTree(accepted.body()).path("eventId").asText();
    }

    private static void awaitApiStatus(String id, String status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String seen;
        do {
            Thread.sleep(200);
            seen = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(console + "/events/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .path("status").asText();
        } while (!seen.equals(status) && System.nanoTime() < deadline);
        assertEquals(status, seen, "event " + id);
    }

    private static void adminPost(String path, String json) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(emulator + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(answer.statusCode() / 100 == 2, answer.statusCode() + " " + answer.body());
    }

    private static void drain(BufferedReader output) {
        Thread reader = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // the demo's further output is not needed
                }
            } catch (IOException e) {
                // the demo ended
            }
        }, "demo-output");
        reader.setDaemon(true);
        reader.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
