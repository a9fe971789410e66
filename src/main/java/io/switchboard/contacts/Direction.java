package io.switchboard.contacts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which way a mapped field moves between the source platform and Salesforce. */
public enum Direction {
    BOTH, TO_SALESFORCE, TO_SOURCE;

    /** As written in {@code config/contact-sync.yaml}: {@code both}, {@code to-salesforce}, {@code to-source}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<Direction> of(String text) {
        return Arrays.stream(values()).filter(direction -> direction.toString().equals(text)).findFirst();
    }

    public boolean toSalesforce() {
        return this != TO_SOURCE;
    }

    public boolean toSource() {
        return this != TO_SALESFORCE;
    }
}
