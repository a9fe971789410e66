package io.switchboard.mapping;

/** What a call becomes in Salesforce. */
public enum TicketType implements Choice {
    TASK("Task"), CASE("Case");

    private final String label;

    TicketType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The Salesforce object written. */
    public String sobject() {
        return label;
    }
}
