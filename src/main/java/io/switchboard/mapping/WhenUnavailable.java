package io.switchboard.mapping;

/** What becomes of an event with a file that cannot be had: it fails, or the file's URL goes into its comment. */
public enum WhenUnavailable implements Choice {
    FAIL("fail"), LINK("link");

    private final String label;

    WhenUnavailable(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
