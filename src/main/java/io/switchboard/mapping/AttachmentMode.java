package io.switchboard.mapping;

/** How chat attachments reach Salesforce: uploaded as files on the Case, or listed as links in the comment. */
public enum AttachmentMode implements Choice {
    UPLOAD("upload"), LINK("link");

    private final String label;

    AttachmentMode(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
