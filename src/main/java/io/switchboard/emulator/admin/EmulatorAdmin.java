package io.switchboard.emulator.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.emulator.auth.LoginPolicy;
import io.switchboard.emulator.auth.SessionRegistry;
import io.switchboard.emulator.auth.Users;
import io.switchboard.emulator.bulk.IngestJobs;
import io.switchboard.emulator.records.OrgClock;
import io.switchboard.emulator.records.OrgSettings;
import io.switchboard.emulator.records.RecordStore;
import io.switchboard.emulator.records.RecordWriter;
import io.switchboard.emulator.schema.SObjectSchema;
import io.switchboard.emulator.seed.SeedRecords;
import io.switchboard.emulator.seed.SeededOrg;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test and operator controls of a running emulator: the same operations as the HTTP admin API, in process. */
public final class EmulatorAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordStore store;
    private final RecordWriter writer;
    private final OrgSettings settings;
    private final OrgClock clock;
    private final SessionRegistry sessions;
    private final LoginPolicy loginPolicy;
    private final ApiAllowance allowance;
    private final FaultInjector faults;
    private final Latency latency;
    private final RequestLog requestLog;
    private final IngestJobs ingestJobs;

    public EmulatorAdmin(RecordStore store, RecordWriter writer, OrgSettings settings, OrgClock clock,
                         SessionRegistry sessions, LoginPolicy loginPolicy, ApiAllowance allowance,
                         FaultInjector faults, Latency latency, RequestLog requestLog, IngestJobs ingestJobs) {
        this.store = store;
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
        this.sessions = sessions;
        this.loginPolicy = loginPolicy;
        this.allowance = allowance;
        this.faults = faults;
        this.latency = latency;
        this.requestLog = requestLog;
        this.ingestJobs = ingestJobs;
    }

    /**
     * Back to the seeded org in real time: Bulk API jobs, clock, records, settings, allowance, faults, latency and
     * log. Sessions stay valid. Jobs go first, so none is still writing into the fresh org.
     */
    public void reset() {
        ingestJobs.reset();
        clock.reset();
        store.inTransaction(() -> {
            store.clear();
            writer.resetSequences();
            SeedRecords.populate(writer);
            store.indexAll();
            return null;
        });
        settings.reset();
        loginPolicy.reset();
        sessions.reset();
        allowance.reset();
        faults.clear();
        latency.set(0);
        requestLog.clear();
    }

    /** Stores a record as given, system fields included (CreatedDate, CreatedById...), without the API's checks. */
    public String insertRecord(String type, Map<String, Object> fields) {
        return writer.insertTrusted(object(type), fields, SeededOrg.INTEGRATION_USER_ID);
    }

    /** The live records of a type; the recycle bin's are read through /queryAll. */
    public List<Map<String, Object>> records(String type) {
        return store.records(object(type).name());
    }

    /**
     * Changes a record as that user would in Salesforce's own pages: checked like any API write, and stamped with
     * their id as LastModifiedById, so that a sync sees a change it did not make.
     */
    public void updateRecordAs(String username, String type, String id, Map<String, Object> fields) {
        writer.update(object(type), id, JSON.valueToTree(fields), activeUserId(username));
    }

    /** Deletes a record into the recycle bin as that user. */
    public void deleteRecordAs(String username, String type, String id) {
        writer.delete(object(type), id, activeUserId(username));
    }

    public List<RequestLogEntry> requests() {
        return requestLog.entries();
    }

    /** Clears the request log and the endpoint counters. */
    public void clearRequests() {
        requestLog.clear();
    }

    public Map<String, Long> counters() {
        return requestLog.counters();
    }

    public void latency(long millis) {
        latency.set(millis);
    }

    public void addFault(FaultRule rule) {
        faults.add(rule);
    }

    public List<FaultRule> faults() {
        return faults.rules();
    }

    public void clearFaults() {
        faults.clear();
    }

    public void expireSessions() {
        sessions.expireAll();
    }

    public void expireSessions(String username) {
        sessions.expireUser(userId(username));
    }

    public void apiLimit(long max, long used) {
        allowance.set(max, used);
    }

    public long apiUsed() {
        return allowance.used();
    }

    public long apiMax() {
        return allowance.max();
    }

    /** The org-wide "Set Audit Fields upon Record Creation" setting. */
    public void auditFieldsEnabled(boolean enabled) {
        settings.auditFieldsEnabled(enabled);
    }

    /** Grants or withdraws a user's permission to set audit fields. */
    public void auditPermission(String username, boolean granted) {
        settings.auditPermission(userId(username), granted);
    }

    public void searchLagMillis(long millis) {
        settings.searchLagMillis(millis);
    }

    /** How long each internal batch of a Bulk API job waits before it is written; 0 for no wait. */
    public void bulkChunkDelayMillis(long millis) {
        ingestJobs.chunkDelayMillis(millis);
    }

    /** How many ids /updated and /deleted may answer before EXCEEDED_ID_LIMIT; 600,000 until reset or changed. */
    public void replicationIdLimit(int limit) {
        settings.replicationIdLimit(limit);
    }

    /** The org's time now, as record stamps would carry it. */
    public Instant clockNow() {
        return clock.instant();
    }

    public boolean clockFrozen() {
        return clock.frozen();
    }

    /** Sets the org's time: frozen there (every write then shares one stamp), or running on from there. */
    public void setClock(Instant now, boolean frozen) {
        clock.set(now, frozen);
    }

    /** Freezes the org's time where it stands, or lets it run on from there. */
    public void freezeClock(boolean frozen) {
        clock.freeze(frozen);
    }

    /**
     * Moves the org's time forward, frozen or running: to close a window or empty the recycle bin without waiting.
     */
    public void advanceClock(Duration by) {
        clock.advance(by);
    }

    /** Back to real time. */
    public void realTimeClock() {
        clock.reset();
    }

    /** @param grantType an OAuth grant type such as {@code password} */
    public void blockGrant(String grantType, boolean blocked) {
        loginPolicy.blockGrant(grantType, blocked);
    }

    /** The certificate (or RSA public key) in PEM form that verifies JWT bearer assertions. */
    public void registerJwtCertificate(String pem) {
        loginPolicy.registerCertificate(pem);
    }

    private SObjectSchema object(String type) {
        return store.schema().object(type).orElseThrow(() -> new IllegalArgumentException("No object " + type));
    }

    private String userId(String username) {
        return user(username).get("Id").toString();
    }

    private String activeUserId(String username) {
        Map<String, Object> user = user(username);
        if (!Boolean.TRUE.equals(user.get("IsActive"))) {
            throw new IllegalArgumentException("User " + username + " is inactive and cannot change records");
        }
        return user.get("Id").toString();
    }

    private Map<String, Object> user(String username) {
        return Users.byUsername(store, username).orElseThrow(() -> new IllegalArgumentException("No user " + username));
    }
}
