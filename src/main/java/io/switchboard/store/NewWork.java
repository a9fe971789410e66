package io.switchboard.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wakes whoever waits for work (the worker) when an event becomes pending now: accepted, replayed or released. */
final class NewWork {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    void listen(Runnable listener) {
        listeners.add(listener);
    }

    void announce() {
        listeners.forEach(Runnable::run);
    }
}
