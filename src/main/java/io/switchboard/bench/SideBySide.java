package io.switchboard.bench;

/** One run of a steady load through the engine and, on the same events and emulator, through the baseline. */
record SideBySide(PhaseFigures engine, PhaseFigures naive) {
    double throughputRatio() {
        return naive.completedPerSecond() == 0 ? 0 : engine.completedPerSecond() / naive.completedPerSecond();
    }

    double callRatio() {
        return engine.callsPerEvent() == 0 ? 0 : naive.callsPerEvent() / engine.callsPerEvent();
    }
}
