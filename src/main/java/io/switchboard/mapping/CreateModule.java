package io.switchboard.mapping;

/** What a call creates when its number matches nobody: nothing (the default), or a Contact, Lead or Account. */
public enum CreateModule implements Choice {
    NONE("none"), CONTACT("Contact"), LEAD("Lead"), ACCOUNT("Account");

    private final String label;

    CreateModule(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
