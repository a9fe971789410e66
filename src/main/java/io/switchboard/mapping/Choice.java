package io.switchboard.mapping;

/** A setting with a fixed set of values, each written in the mapping files as its label. */
public interface Choice {
    /** The value as written in a mapping file, such as {@code Contact&Lead}. */
    String label();
}
