package io.switchboard.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Which objects a call's number is searched on. Contacts and Leads are searched on {@code Phone} plus the
 * configured extra field; Accounts on {@code Phone} only, as standard Accounts have no mobile field.
 */
public enum SearchModule implements Choice {
    CONTACT("Contact", "Contact"),
    LEAD("Lead", "Lead"),
    ACCOUNT("Account", "Account"),
    CONTACT_LEAD("Contact&Lead", "Contact", "Lead"),
    CONTACT_LEAD_ACCOUNT("Contact&Lead&Account", "Contact", "Lead", "Account");

    private final String label;
    private final List<String> sobjects;

    SearchModule(String label, String... sobjects) {
        this.label = label;
        this.sobjects = List.of(sobjects);
    }

    @Override
    public String label() {
        return label;
    }

    public List<String> sobjects() {
        return sobjects;
    }

    /** @param extraField a further phone field such as {@code MobilePhone}; null for {@code Phone} alone */
    public List<SearchTarget> targets(String extraField) {
        List<SearchTarget> targets = new ArrayList<>();
        for (String sobject : sobjects) {
            boolean extra = extraField != null && !sobject.equals("Account");
            targets.add(new SearchTarget(sobject, extra ? List.of("Phone", extraField) : List.of("Phone")));
        }
        return targets;
    }
}
