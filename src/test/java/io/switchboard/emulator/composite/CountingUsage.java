package io.switchboard.emulator.composite;

import io.switchboard.emulator.api.ApiUsage;

/** Counts the API calls the composite resources add on top of the one the HTTP layer counts. */
final class CountingUsage implements ApiUsage {
    private long used;

    @Override
    public void add(int calls) {
        used += calls;
    }

    @Override
    public long used() {
        return used;
    }

    @Override
    public long max() {
        return 15_000;
    }
}
