package io.switchboard.emulator.records;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Org-wide switches that admins change at run time: audit-field creation, who may use it, the search lag, and how
 * many ids a replication call may answer.
 */
public final class OrgSettings {
    /** The most ids Salesforce's getUpdated and getDeleted answer before refusing with EXCEEDED_ID_LIMIT. */
    public static final int REPLICATION_ID_LIMIT = 600_000;

    private final long initialSearchLagMillis;
    private final Set<String> initialAuditUsers;
    private final Set<String> auditUsers = ConcurrentHashMap.newKeySet();
    private volatile boolean auditFieldsEnabled;
    private volatile long searchLagMillis;
    private volatile int replicationIdLimit;

    /** @param auditUserIds users holding the "Set Audit Fields upon Record Creation" permission from the start */
    public OrgSettings(long searchLagMillis, Set<String> auditUserIds) {
        this.initialSearchLagMillis = searchLagMillis;
        this.initialAuditUsers = Set.copyOf(auditUserIds);
        reset();
    }

    /** Back to the values the org started with. */
    public void reset() {
        auditFieldsEnabled = true;
        searchLagMillis = initialSearchLagMillis;
        replicationIdLimit = REPLICATION_ID_LIMIT;
        auditUsers.clear();
        auditUsers.addAll(initialAuditUsers);
    }

    /** Both the org setting and the user's permission are needed to write audit fields. */
    public boolean maySetAuditFields(String userId) {
        return auditFieldsEnabled && userId != null && auditUsers.contains(userId);
    }

    public boolean auditFieldsEnabled() { return auditFieldsEnabled; }

    public void auditFieldsEnabled(boolean enabled) { auditFieldsEnabled = enabled; }

    public void auditPermission(String userId, boolean granted) {
        if (granted) {
            auditUsers.add(userId);
        } else {
            auditUsers.remove(userId);
        }
    }

    public long searchLagMillis() { return searchLagMillis; }

    public void searchLagMillis(long millis) { searchLagMillis = millis; }

    public int replicationIdLimit() { return replicationIdLimit; }

    /** Lowered by tests, which cannot afford 600,001 records to see the refusal. */
    public void replicationIdLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("replicationIdLimit must be at least 1, was: " + limit);
        }
        replicationIdLimit = limit;
    }
}
