package io.switchboard.bench;

import io.switchboard.config.Configuration;
import io.switchboard.emulator.EmulatorSettings;
import io.switchboard.emulator.SalesforceEmulator;
import io.switchboard.emulator.seed.SeededOrg;
import io.switchboard.engine.Engine;
import io.switchboard.events.EventType;
import io.switchboard.events.ProducedRecord;
import io.switchboard.store.ClaimedEvent;
import io.switchboard.store.EventError;
import io.switchboard.store.EventStore;
import io.switchboard.store.IdempotencyKey;
import io.switchboard.store.NewEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures how fast the console's pages answer with many events in the store:
 * {@code java -cp target/switchboard.jar io.switchboard.bench.ConsoleTimings [EVENTS]} (default 100,000). Fills a
 * fresh embedded store through the engine's own store (most events done, some failed, skipped or processing), starts
 * the engine on it against the emulator with its worker off, signs in as a browser does and times each page over
 * HTTP: the median, 95th percentile and slowest of {@link #TIMED} requests after {@link #WARM_UP} untimed ones.
 */
public final class ConsoleTimings {
    private static final int WARM_UP = 20;
    private static final int TIMED = 100;
    /** Claims long enough that the events left processing stay so while the pages are timed. */
    private static final Duration HELD = Duration.ofHours(1);
    private static final Pattern NEXT_PAGE = Pattern.compile("class=\"next\" href=\"([^\"]+)\"");
    private static final Pattern EVENT_LINK = Pattern.compile("href=\"/console/events/([^\"]+)\"");

    private ConsoleTimings() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        PrintStream out = System.out;
        Path dataDir = Files.createTempDirectory("switchboard-console-timings");
        String token = UUID.randomUUID().toString();
        int port = freePort();
        try (SalesforceEmulator emulator = SalesforceEmulator.start(EmulatorSettings.defaults().withPort(0))) {
            Map<String, String> environment = SeededOrg.engineVariables(emulator.baseUrl());
            environment.put("SWITCHBOARD_PORT", String.valueOf(port));
            environment.put("SWITCHBOARD_DATA_DIR", dataDir.toString());
            environment.put("SWITCHBOARD_DB_URL", "");
            environment.put("SWITCHBOARD_API_TOKEN", token);
            environment.put("SWITCHBOARD_LOG_LEVEL", "WARN");
            try (Engine engine = Engine.startIntakeOnly(Configuration.load(Path.of("config"), environment::get))) {
                long started = System.nanoTime();
                fill(engine.store(), events);
                out.printf("store filled with %,d events in %.1f s (embedded H2 in %s)%n", engine.store().count(),
                        (System.nanoTime() - started) / 1e9, dataDir);
                time(new Browser("http://localhost:" + port, token), out);
            }
        }
    }

    /** Events of every type, as their platforms send them; then most done with a record, the others failed and so on. */
    private static void fill(EventStore store, int events) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                senders.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
                        store.accept(event(i));
                    }
                    return null;
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
            AtomicInteger finished = new AtomicInteger();
            List<Future<?>> finishers = new ArrayList<>();
            for (List<ClaimedEvent> claimed = store.claimDue(2000, "timings", HELD); !claimed.isEmpty();
                 claimed = store.claimDue(2000, "timings", HELD)) {
                for (ClaimedEvent event : claimed) {
                    finishers.add(threads.submit(() -> finish(store, event, finished.getAndIncrement())));
                }
            }
            for (Future<?> finisher : finishers) {
                finisher.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    private static NewEvent event(int i) {
        EventType type = EventType.values()[i % EventType.values().length];
        String subject = type.path() + "-" + i;
        String payload = "{\"source\":\"timings\",\"id\":\"" + subject + "\",\"text\":\"event number " + i + "\"}";
        return new NewEvent(type, i % 3 == 0 ? "witiop" : "xcally", IdempotencyKey.client(subject), payload,
                "digest " + i, List.of(), subject);
    }

    private static Void finish(EventStore store, ClaimedEvent event, int i) {
        if (i % 100 == 0) {
            return null; // left processing
        }
        if (i % 16 == 1) {
            store.markFailed(event, new EventError("STORAGE_LIMIT_EXCEEDED", "storage limit exceeded"), List.of(),
                    List.of());
        } else if (i % 33 == 2) {
            store.markSkipped(event, "nothing to write", List.of());
        } else {
            store.markDone(event, List.of(new ProducedRecord("Task", salesforceId(i), "created")),
                    List.of());
        }
        return null;
    }

    /** An 18-character Task id, one per event. */
    private static String salesforceId(int i) {
        return String.format("00T8d%010dAAA", i);
    }

    private static void time(Browser browser, PrintStream out) throws Exception {
        String first = browser.get("/console");
        Matcher event = EVENT_LINK.matcher(first);
        String eventId = event.find() ? event.group(1) : null;
        String deep = "/console";
        for (int page = 0; page < 200; page++) {
            Matcher older = NEXT_PAGE.matcher(browser.get(deep));
            if (!older.find()) {
                break;
            }
            deep = older.group(1).replace("&amp;", "&");
        }
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("events, newest page with the counts", "/console");
        pages.put("events, page 200 (10,000 deep)", deep);
        pages.put("events, failed", "/console?status=failed");
        pages.put("events, calls done", "/console?type=call&status=done");
        pages.put("events, one source", "/console?source=witiop");
        pages.put("events, a time window", "/console?from=2000-01-01T00:00&to=2100-01-01T00:00");
        pages.put("search by the platform's id", "/console?q=call-4001");
        pages.put("search by an event id", "/console?q=" + eventId);
        pages.put("one event", "/console/events/" + eventId);
        pages.put("replay failed: the count", "/console/replay-failed?type=call");
        pages.put("connections", "/console/connections");
        pages.put("search by a Salesforce record id", "/console?q=" + salesforceId(4004));
        out.printf("%-40s %8s %8s %8s %6s  (ms, %d requests each after %d; rows: events listed)%n", "page", "median",
                "p95", "max", "rows", TIMED, WARM_UP);
        for (Map.Entry<String, String> page : pages.entrySet()) {
            List<Double> millis = new ArrayList<>();
            String body = "";
            for (int i = 0; i < WARM_UP + TIMED; i++) {
                long start = System.nanoTime();
                body = browser.get(page.getValue());
                if (i >= WARM_UP) {
                    millis.add((System.nanoTime() - start) / 1e6);
                }
            }
            Collections.sort(millis);
            out.printf("%-40s %8.1f %8.1f %8.1f %6d%n", page.getKey(), millis.get(millis.size() / 2),
                    millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.get(millis.size() - 1),
                    body.split("class=\"event\"", -1).length - 1);
        }
    }

    /** Signed in once, as a browser is, then asks for pages with its session cookie. */
    private static final class Browser {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final String cookie;

        Browser(String base, String token) throws Exception {
            this.base = base;
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/console/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            this.cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + page.statusCode() + ": " + page.body());
            }
            return page.body();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
