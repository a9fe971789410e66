package io.switchboard.bench;

import java.util.Optional;

/**
 * What one system (the engine or the naive baseline) did with one steady load.
 *
 * @param unfinished events accepted but not ended when the wait for them gave up
 * @param completedPerSecond ended events per second, from the first end to the last
 * @param problem the first refusal or failure seen, if any
 */
record PhaseFigures(long accepted, double acceptedPerSecond, long finished, long failed, long unfinished,
                    double completedPerSecond, LatencySummary acceptToDone, double callsPerEvent, long peakHeapMb,
                    long peakLiveHeapMb, Optional<String> problem) {
}
