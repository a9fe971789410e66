package io.switchboard.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.config.ConnectionOptions;
import io.switchboard.contacts.ContactSync;
import io.switchboard.contacts.ContactSyncFile;
import io.switchboard.contacts.FullContactSync;
import io.switchboard.emulator.admin.RequestLogEntry;
import io.switchboard.events.EventType;
import io.switchboard.salesforce.ApiPauseSettings;
import io.switchboard.salesforce.ConnectionSettings;
import io.switchboard.salesforce.LoginSettings;
import io.switchboard.salesforce.SalesforceCallGuard;
import io.switchboard.salesforce.SalesforceClients;
import io.switchboard.salesforce.SalesforceComponents;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The contact sync both ways on an emulated org: the {@code queryAll} calls that read 10,000 changed Contacts, the
 * deliveries per second the engine posts to a local stand-in of the source platform, and how many Contact updates
 * one API call carries from the source to Salesforce (a source contact linked to ten Contacts).
 */
final class ContactsBench {
    static final int CONTACTS = 10_000;
    private static final int LINKED = 10;
    private static final int UPDATES = 50;
    private static final String SECRET = "benchmark-signing-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    /** The contact sync's watermark in the event store: there once its first run has queued what it read. */
    private static final String WATERMARK = "contact-sync";

    /** One run's figures. */
    record Figures(long readCalls, long changesRead, double deliveriesPerSecond, long deliveries,
                   double updatesPerCall, long updateCalls) {
    }

    private ContactsBench() {
    }

    static Figures run(Path home, BenchOptions options, int run) throws Exception {
        try (Receiver receiver = Receiver.start()) {
            Map<String, String> settings = Map.of("SWITCHBOARD_CONTACT_SYNC_ENABLED", "true",
                    "SWITCHBOARD_CONTACT_SYNC_URL", receiver.url(), "SWITCHBOARD_CONTACT_SYNC_SECRET", SECRET,
                    // the scheduled run takes the seed at start; the measured read is the one below
                    "SWITCHBOARD_CONTACT_SYNC_INTERVAL_SECONDS", "86400");
            try (BenchRig rig = BenchRig.start(home, options.concurrency(), true, settings)) {
                awaitFirstScheduledRun(rig);
                receiver.restart();
                for (int n = 0; n < CONTACTS; n++) {
                    rig.emulator().insertRecord("Contact", Map.of("LastName", "Bench " + run + "-" + n,
                            "Phone", String.format("+44 20 79%02d %04d", n / 10_000, n % 10_000)));
                }
                rig.emulator().clearRequests();
                long read = readEverything(home, rig, settings);
                long readCalls = count(rig, "/queryAll");
                AwaitFinished.engine(rig.engine().store(), PATIENCE);
                long deliveries = receiver.count();
                double perSecond = receiver.ratePerSecond();
                long[] updates = updatesFromTheSource(rig, run);
                return new Figures(readCalls, read, perSecond, deliveries, (double) updates[0] / updates[1], updates[1]);
            }
        }
    }

    /** The run the schedule makes at start, over the seeded org, done and delivered before anything is measured. */
    private static void awaitFirstScheduledRun(BenchRig rig) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (rig.engine().store().watermark(WATERMARK).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        AwaitFinished.engine(rig.engine().store(), PATIENCE);
    }

    /** As sync-contacts --full does: every Contact read, 2,000 a call, and queued for the engine to deliver. */
    private static long readEverything(Path home, BenchRig rig, Map<String, String> settings) throws Exception {
        ContactSync sync = ContactSyncFile.load(home.resolve("config"), settings::get);
        ConnectionSettings connection = rig.engine().salesforceClients().settings().get(ConnectionOptions.DEFAULT);
        SalesforceClients clients = new SalesforceClients(Map.of(connection.name(), connection), ApiPauseSettings.DEFAULTS,
                LoginSettings.DEFAULTS, () -> { });
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            SalesforceCallGuard.install(context, clients);
            context.addComponent(connection.componentName(), SalesforceComponents.createForGatedLogin(connection));
            context.start();
            long[] read = new long[1];
            FullContactSync.run(context, clients, rig.engine().store(), sync, line -> read[0] = Long.parseLong(
                    line.substring(line.indexOf(": ") + 2, line.indexOf(" read"))));
            return read[0];
        }
    }

    /** A source contact linked to ten Contacts, then changed again and again: Contacts updated per API call. */
    private static long[] updatesFromTheSource(BenchRig rig, int run) throws Exception {
        String phone = "+39 02 4000 " + String.format("%04d", run);
        for (int n = 0; n < LINKED; n++) {
            rig.emulator().insertRecord("Contact", Map.of("LastName", "Linked " + n, "Phone", phone));
        }
        String contactId = "ext-bench-" + run;
        rig.load().drive("/events/", 10, 1, n -> contactChange(contactId, "created", n, phone));
        AwaitFinished.engine(rig.engine().store(), PATIENCE);
        rig.emulator().clearRequests();
        rig.load().drive("/events/", 20, UPDATES, n -> contactChange(contactId, "updated", n + 1, phone));
        AwaitFinished.engine(rig.engine().store(), PATIENCE);
        long calls = count(rig, "/services/data/");
        long updated = rig.engine().store().list(Optional.empty(), UPDATES + 1).stream()
                .filter(event -> event.type() == EventType.CONTACT_CHANGED)
                .mapToLong(event -> event.records().stream().filter(record -> record.action().equals("updated")).count())
                .sum();
        return new long[] {updated, Math.max(1, calls)};
    }

    private static BenchEvent contactChange(String contactId, String change, long n, String phone) {
        ObjectNode event = JSON.createObjectNode().put("source", "cinnox").put("contactId", contactId)
                .put("change", change).put("changedAt", Instant.parse("2099-01-01T00:00:00Z").plusSeconds(n)
                        .toString());
        ObjectNode contact = event.putObject("contact").put("firstName", "Version " + n).put("lastName", "Bench");
        contact.putArray("phones").add(phone);
        return new BenchEvent(EventType.CONTACT_CHANGED, event.toString());
    }

    private static long count(BenchRig rig, String pathPart) {
        List<RequestLogEntry> requests = rig.emulator().requests();
        return requests.stream().filter(request -> request.path().contains(pathPart)).count();
    }

    /** The source platform's endpoint: answers 200 at once, and notes when the first and last delivery came. */
    private static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong first = new AtomicLong();
        private final AtomicLong last = new AtomicLong();

        private Receiver(HttpServer server) {
            this.server = server;
        }

        static Receiver start() throws IOException {
            Receiver receiver = new Receiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            receiver.server.createContext("/contacts", exchange -> {
                exchange.getRequestBody().readAllBytes();
                long now = System.nanoTime();
                receiver.first.compareAndSet(0, now);
                receiver.last.set(now);
                receiver.count.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            receiver.server.setExecutor(Executors.newFixedThreadPool(8));
            receiver.server.start();
            return receiver;
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/contacts";
        }

        long count() {
            return count.get();
        }

        /** Counts and times from zero again. */
        void restart() {
            count.set(0);
            first.set(0);
            last.set(0);
        }

        /**
         * Deliveries per second from the first to the last; they keep up with the sync's queueing, so this is the
         * rate of the whole way, from reading Salesforce to the platform's answer.
         */
        double ratePerSecond() {
            long spanNanos = last.get() - first.get();
            return spanNanos <= 0 ? 0 : (count.get() - 1) * 1e9 / spanNanos;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
