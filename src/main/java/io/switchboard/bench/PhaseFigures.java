package io.switchboard.bench;

import java.util.Optional;

/**
 * What one system (the engine or the naive baseline) did with one steady load.
 *
 * @param unfinished events accepted but not ended when the wait for them gave up
 * @param completedPerSecond ended events per second, from the first end to the last
 * @param problem the first refusal or failure seen, if any
 * @param peakRssMb the benchmark process's peak resident memory during the load (0 where /proc is missing)
 * @param cpu the CPU the processes spent during the load, split by who spent it
 */
record PhaseFigures(long accepted, double acceptedPerSecond, long finished, long failed, long unfinished,
                    double completedPerSecond, LatencySummary acceptToDone, double callsPerEvent, long peakHeapMb,
                    long peakLiveHeapMb, long peakRssMb, Optional<String> problem, CpuUse.Split cpu) {
    /** CPU milliseconds the system under test spent per ended event. */
    double systemCpuPerEvent() {
        return cpu.perEvent(cpu.systemMs(), finished);
    }

    double emulatorCpuPerEvent() {
        return cpu.perEvent(cpu.emulatorMs(), finished);
    }

    /** Events ended per CPU-second of the system under test: what it does with equal CPU. */
    double eventsPerCpuSecond() {
        return cpu.systemMs() == 0 ? 0 : finished * 1000.0 / cpu.systemMs();
    }
}
