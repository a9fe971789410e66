package io.switchboard.processing;

import io.switchboard.config.Configuration;
import io.switchboard.config.Numbers;
import io.switchboard.config.Option;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

/** How the event worker runs: how many events at once, how often it looks for due retries, how retries back off. */
public record WorkerSettings(int concurrency, Duration pollInterval, Duration retryInitialDelay, Duration retryMaxDelay,
                             String nodeId) {
    public static final Option CONCURRENCY = Option.of("switchboard.worker.concurrency", "SWITCHBOARD_WORKER_CONCURRENCY",
            "8", "events processed at the same time");
    public static final Option POLL_INTERVAL_MS = Option.of("switchboard.worker.poll-interval-ms",
            "SWITCHBOARD_WORKER_POLL_INTERVAL_MS", "1000",
            "how often the worker looks for retries that have come due (new events wake it at once)");
    public static final Option RETRY_INITIAL_DELAY_MS = Option.of("switchboard.retry.initial-delay-ms",
            "SWITCHBOARD_RETRY_INITIAL_DELAY_MS", "1000", "wait before the first retry after a transient failure; doubles each time");
    public static final Option RETRY_MAX_DELAY_MS = Option.of("switchboard.retry.max-delay-ms", "SWITCHBOARD_RETRY_MAX_DELAY_MS",
            "300000", "longest wait between retries");
    public static final Option NODE_ID = Option.of("switchboard.node-id", "SWITCHBOARD_NODE_ID", null,
            "this engine's name among several sharing a PostgreSQL store (default: the host name); "
                    + "at start-up it re-queues only the events it was itself processing");

    public static WorkerSettings from(Configuration configuration) {
        String nodeId = configuration.value(NODE_ID);
        return new WorkerSettings(
                (int) Numbers.inRange(configuration, CONCURRENCY, 1, 256),
                Duration.ofMillis(Numbers.inRange(configuration, POLL_INTERVAL_MS, 10, 3_600_000)),
                Duration.ofMillis(Numbers.inRange(configuration, RETRY_INITIAL_DELAY_MS, 1, 3_600_000)),
                Duration.ofMillis(Numbers.inRange(configuration, RETRY_MAX_DELAY_MS, 1, 86_400_000)),
                nodeId == null || nodeId.isBlank() ? hostName() : nodeId.strip());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    public List<String> describe() {
        return List.of("worker-concurrency=" + concurrency, "worker-poll-interval=" + pollInterval,
                "retry-delays=" + retryInitialDelay + ".." + retryMaxDelay, "node-id=" + nodeId);
    }
}
