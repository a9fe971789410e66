package io.switchboard.bench;

/** One run of a steady load through the engine and, on the same events and emulator, through the baseline. */
record SideBySide(PhaseFigures engine, PhaseFigures naive) {
    double throughputRatio() {
        return naive.completedPerSecond() == 0 ? 0 : engine.completedPerSecond() / naive.completedPerSecond();
    }

    /** How many more events the engine ends than the baseline with the same CPU (its own, not the emulator's). */
    double cpuRatio() {
        return naive.eventsPerCpuSecond() == 0 ? 0 : engine.eventsPerCpuSecond() / naive.eventsPerCpuSecond();
    }

    double callRatio() {
        return engine.callsPerEvent() == 0 ? 0 : naive.callsPerEvent() / engine.callsPerEvent();
    }
}
