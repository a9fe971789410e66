package io.switchboard.emulator.api;

/** The org's rolling daily API request count, as reported in {@code Sforce-Limit-Info: api-usage=USED/MAX}. */
public interface ApiUsage {
    /** Counts {@code calls} further requests (a composite batch counts each subrequest). */
    void add(int calls);

    long used();

    long max();
}
