package io.switchboard.processing;

import io.switchboard.config.Configuration;
import io.switchboard.config.EngineOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * How the event worker runs: how many events at once, how often it looks for due retries, how retries back off, the
 * node's name and how long its claims last unrenewed.
 */
public record WorkerSettings(int concurrency, Duration pollInterval, Duration retryInitialDelay, Duration retryMaxDelay,
                             String nodeId, Duration claimLease) {
    public static WorkerSettings from(Configuration configuration) {
        String nodeId = EngineOptions.NODE_ID.read(configuration);
        return new WorkerSettings(
                EngineOptions.WORKER_CONCURRENCY.read(configuration),
                EngineOptions.WORKER_POLL_INTERVAL.read(configuration),
                EngineOptions.RETRY_INITIAL_DELAY.read(configuration),
                EngineOptions.RETRY_MAX_DELAY.read(configuration),
                nodeId == null ? hostName() : nodeId,
                EngineOptions.CLAIM_LEASE.read(configuration));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
