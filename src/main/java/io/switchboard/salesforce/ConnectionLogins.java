package io.switchboard.salesforce;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every connection in once the engine has started, on a thread of its own so that intake never waits for
 * Salesforce, and makes the due retry of a refused login even when no event or API call comes to make it, so that
 * a connection recovers, and its health says so, as soon as Salesforce accepts the login again. The start-up login
 * is an ordinary pass through the connection's {@link LoginGate}: events arriving meanwhile wait for its answer, and
 * a refusal starts the retry interval.
 */
public final class ConnectionLogins implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLogins.class);
    /** How often refused connections are looked at; the retry itself waits for the gate's interval. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final ScheduledExecutorService scheduler;

    private ConnectionLogins(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    public static ConnectionLogins start(CamelContext camelContext, SalesforceClients clients) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "switchboard-logins");
            thread.setDaemon(true);
            return thread;
        });
        List<SalesforceClient> all = clients.all(camelContext);
        scheduler.execute(() -> each(all, SalesforceClient::logInAtStart, "start-up login"));
        scheduler.scheduleWithFixedDelay(() -> each(all, SalesforceClient::retryLoginIfDue, "login retry"),
                CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return new ConnectionLogins(scheduler);
    }

    private static void each(List<SalesforceClient> all, Consumer<SalesforceClient> login, String what) {
        for (SalesforceClient client : all) {
            try {
                login.accept(client);
            } catch (RuntimeException e) {
                // an executor swallows what its task throws, and a scheduled task that throws never runs again
                LOG.warn("Connection '{}': the {} failed: {}", client.connection().name(), what, e.toString());
            }
        }
    }

    /** Stops logging in; a login under way is interrupted, which its callers see as a transient failure. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
