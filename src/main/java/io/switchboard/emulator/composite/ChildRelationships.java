package io.switchboard.emulator.composite;

import java.util.List;
import java.util.Optional;

/**
 * The child relationships of the emulated org that an sObject tree may nest records under, e.g. a Case's
 * {@code CaseComments} are CaseComment records whose {@code ParentId} is the Case.
 */
final class ChildRelationships {
    /** One child relationship: under {@code parentType}, {@code name} holds {@code childType} records. */
    record Relationship(String parentType, String name, String childType, String parentField) {
        boolean matches(String type, String relationshipName) {
            return parentType.equalsIgnoreCase(type) && name.equalsIgnoreCase(relationshipName);
        }

        boolean holds(String type) {
            return childType.equalsIgnoreCase(type);
        }
    }

    private static final List<Relationship> ORG = List.of(
            new Relationship("Account", "Contacts", "Contact", "AccountId"),
            new Relationship("Account", "Cases", "Case", "AccountId"),
            new Relationship("Account", "Tasks", "Task", "WhatId"),
            new Relationship("Contact", "Cases", "Case", "ContactId"),
            new Relationship("Contact", "Tasks", "Task", "WhoId"),
            new Relationship("Lead", "Tasks", "Task", "WhoId"),
            new Relationship("Case", "CaseComments", "CaseComment", "ParentId"),
            new Relationship("Case", "Tasks", "Task", "WhatId"));

    private ChildRelationships() {
    }

    static Optional<Relationship> find(String parentType, String relationshipName) {
        return ORG.stream().filter(relationship -> relationship.matches(parentType, relationshipName)).findFirst();
    }
}
