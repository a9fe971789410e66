package io.switchboard.config;

import java.time.Duration;
import java.util.List;

/**
 * Every engine-wide setting, each declared once with its variable, default, allowed values and meaning, grouped as
 * {@code config/application.properties} groups them. The settings records ({@code EngineSettings},
 * {@code WorkerSettings}, ...) read their values from here; {@link #ALL} feeds validation, the effective
 * configuration line and the README's settings table.
 */
public final class EngineOptions {
    // ---- Engine
    public static final Option<Integer> PORT = Option.integer("switchboard.port", "SWITCHBOARD_PORT", 8080, 0, 65535,
            "HTTP port for intake, API and health");
    public static final Option<String> DATA_DIR = Option.text("switchboard.data-dir", "SWITCHBOARD_DATA_DIR", "./data",
            "where the embedded event store and the describes check-connection saves live");
    public static final Option<String> DB_URL = Option.text("switchboard.db-url", "SWITCHBOARD_DB_URL", null,
            "JDBC URL of the event store: empty for an H2 file under the data dir, "
                    + "`jdbc:postgresql://host:5432/db?user=..&password=..` for PostgreSQL (several engines may share it)");
    public static final Option<Secret> API_TOKEN = Option.secret("switchboard.api-token", "SWITCHBOARD_API_TOKEN",
            "bearer token for `/events` and `/api`; the engine refuses to start without it");
    public static final Option<Boolean> INSECURE = Option.flag("switchboard.insecure", "SWITCHBOARD_INSECURE", false,
            "`true` starts without a token (local experiments only)");
    public static final Option<Integer> MAX_BODY_BYTES = Option.integer("switchboard.max-body-bytes",
            "SWITCHBOARD_MAX_BODY_BYTES", 10 * 1024 * 1024, 1024, Integer.MAX_VALUE,
            "largest request body in bytes; larger ones get 413");

    // ---- Event worker
    public static final Option<Integer> WORKER_CONCURRENCY = Option.integer("switchboard.worker.concurrency",
            "SWITCHBOARD_WORKER_CONCURRENCY", 128, 1, 256,
            "the most events processed at the same time; the worker runs from 8 up to this many, as Salesforce's answer times call for");
    public static final Option<Duration> WORKER_POLL_INTERVAL = Option.millis("switchboard.worker.poll-interval-ms",
            "SWITCHBOARD_WORKER_POLL_INTERVAL_MS", 1000, 10, 3_600_000,
            "how often the worker looks for retries that have come due; new events wake it at once");
    public static final Option<Duration> RETRY_INITIAL_DELAY = Option.millis("switchboard.retry.initial-delay-ms",
            "SWITCHBOARD_RETRY_INITIAL_DELAY_MS", 1000, 1, 3_600_000,
            "wait before retrying a transient Salesforce failure; doubles per attempt, with jitter");
    public static final Option<Duration> RETRY_MAX_DELAY = Option.millis("switchboard.retry.max-delay-ms",
            "SWITCHBOARD_RETRY_MAX_DELAY_MS", 300_000, 1, 86_400_000, "longest wait between retries");
    public static final Option<Integer> RETRY_IN_ROUTE_ATTEMPTS = Option.integer("switchboard.retry.in-route-attempts",
            "SWITCHBOARD_RETRY_IN_ROUTE_ATTEMPTS", 3, 0, 10, "times a step that Salesforce answered as busy is tried "
                    + "again within its route before the event goes back to the worker (0: never)");
    public static final Option<Duration> RETRY_IN_ROUTE_DELAY = Option.millis("switchboard.retry.in-route-delay-ms",
            "SWITCHBOARD_RETRY_IN_ROUTE_DELAY_MS", 500, 1, 60_000,
            "wait before the first in-route retry; doubles per retry, with jitter");
    public static final Option<String> NODE_ID = Option.text("switchboard.node-id", "SWITCHBOARD_NODE_ID", null,
            "this engine's name among several sharing PostgreSQL (empty: the host name); at start-up it re-queues only "
                    + "the events it was itself processing");
    public static final Option<Duration> CLAIM_LEASE = Option.millis("switchboard.claim-lease-ms",
            "SWITCHBOARD_CLAIM_LEASE_MS", 60_000, 1_000, 86_400_000,
            "how long an event a node claimed stays its own without that node renewing it (every third of this while "
                    + "it works); another node takes over an event whose lease ran out, as a retry");

    // ---- Daily API allowance
    public static final Option<Double> API_PAUSE_SHARE = Option.share("switchboard.api-pause-share",
            "SWITCHBOARD_API_PAUSE_SHARE", 0.95, "of the allowance", "share of an org's daily API allowance above which its events wait");
    public static final Option<Duration> API_PAUSE_PROBE = Option.millis("switchboard.api-pause-probe-ms",
            "SWITCHBOARD_API_PAUSE_PROBE_MS", 60_000, 10, 86_400_000,
            "how often a paused connection asks Salesforce for its usage (one `GET /limits` call)");

    // ---- Chat attachments
    public static final Option<Integer> ATTACHMENT_DOWNLOAD_CONCURRENCY = Option.integer(
            "switchboard.attachments.download-concurrency", "SWITCHBOARD_ATTACHMENT_DOWNLOAD_CONCURRENCY", 4, 1, 64,
            "chat attachments downloaded at the same time, on threads of their own: a slow file server holds one of "
                    + "these, never a worker (which hosts, how long and how often: `attachments.*` in "
                    + "`config/conversation-closed.yaml`)");

    // ---- Salesforce logins
    public static final Option<Duration> LOGIN_RETRY = Option.millis("switchboard.login-retry-ms",
            "SWITCHBOARD_LOGIN_RETRY_MS", 300_000, 1000, 86_400_000, "after Salesforce refuses a connection's login, "
                    + "the wait before its next login attempt: one per interval (see \"A refused login\")");

    // ---- Read by Camel and by logging, declared here so that they are checked and documented with the rest
    public static final Option<Integer> SHUTDOWN_TIMEOUT = Option.integer("camel.main.shutdown-timeout", null, 30, 1, 3600,
            "seconds events in flight get to finish when the engine stops");
    public static final Option<String> LOG_LEVEL = Option.choice(null, "SWITCHBOARD_LOG_LEVEL", "INFO", "root log level",
            "TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    public static final List<Option<?>> ALL = List.of(PORT, DATA_DIR, DB_URL, API_TOKEN, INSECURE, MAX_BODY_BYTES,
            WORKER_CONCURRENCY, WORKER_POLL_INTERVAL, RETRY_INITIAL_DELAY, RETRY_MAX_DELAY, RETRY_IN_ROUTE_ATTEMPTS,
            RETRY_IN_ROUTE_DELAY, NODE_ID, CLAIM_LEASE, API_PAUSE_SHARE, API_PAUSE_PROBE, ATTACHMENT_DOWNLOAD_CONCURRENCY, LOGIN_RETRY, SHUTDOWN_TIMEOUT, LOG_LEVEL);

    private EngineOptions() {
    }
}
