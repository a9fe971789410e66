package io.switchboard.store;

import static io.switchboard.store.StoreSql.instant;
import static io.switchboard.store.StoreSql.now;
import static io.switchboard.store.StoreSql.setInstant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The links between source contacts and Salesforce Contacts. Both limits are kept by the database, not by the
 * callers: a Contact's id is the links' primary key (one source contact per Contact), and a source contact's link
 * count only rises by an update that succeeds below {@link LinkResult#MAX_LINKS}, in the transaction that inserts
 * the link. Concurrent requests, on one node or several sharing PostgreSQL, queue on the source contact's row.
 */
public final class ContactLinks {
    private static final String CHECK_VIOLATION_H2 = "23513";
    private static final String CHECK_VIOLATION_POSTGRES = "23514";
    /** A source contact removed by a deletion while a link to it was being made is made again this often. */
    private static final int ATTEMPTS = 3;
    private static final String COLUMNS = "salesforce_id, source, contact_id, how, linked_at";

    private final StoreSql sql;

    ContactLinks(StoreSql sql) {
        this.sql = sql;
    }

    /** The source contact's links, oldest first; empty when the store has never heard of the source contact. */
    public Optional<List<ContactLink>> linksOf(String source, String contactId) {
        boolean known = sql.queryOne("SELECT 1 FROM source_contacts WHERE source = ? AND contact_id = ?", statement -> {
            statement.setString(1, source);
            statement.setString(2, contactId);
        }, rows -> true).isPresent();
        if (!known) {
            return Optional.empty();
        }
        return Optional.of(sql.queryList("SELECT " + COLUMNS + " FROM contact_links WHERE source = ? AND contact_id = ?"
                + " ORDER BY linked_at, salesforce_id", statement -> {
                    statement.setString(1, source);
                    statement.setString(2, contactId);
                }, ContactLinks::link));
    }

    /** The link each of the Contacts has, by Contact id; Contacts without one are absent. */
    public Map<String, ContactLink> linksOfContacts(Collection<String> salesforceIds) {
        Map<String, ContactLink> links = new LinkedHashMap<>();
        if (salesforceIds.isEmpty()) {
            return links;
        }
        List<String> ids = List.copyOf(salesforceIds);
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        sql.queryList("SELECT " + COLUMNS + " FROM contact_links WHERE salesforce_id IN (" + marks + ")",
                statement -> StoreSql.bindAll(statement, 1, ids), ContactLinks::link)
                .forEach(link -> links.put(link.salesforceId(), link));
        return links;
    }

    /** Links the Contact to the source contact, unless it is linked elsewhere or the source contact holds ten. */
    public LinkResult link(String source, String contactId, String salesforceId, ContactLink.How how) {
        for (int attempt = 1; ; attempt++) {
            knowSourceContact(source, contactId);
            Optional<LinkResult> result = tryLink(source, contactId, salesforceId, how);
            if (result.isPresent() || attempt == ATTEMPTS) {
                return result.orElse(LinkResult.of(LinkResult.Outcome.LIMIT_REACHED));
            }
        }
    }

    /** Empty when the source contact's row went away under us (a deletion), so that the caller makes it again. */
    private Optional<LinkResult> tryLink(String source, String contactId, String salesforceId, ContactLink.How how) {
        try (Connection connection = sql.connection()) {
            connection.setAutoCommit(false);
            try {
                Optional<ContactLink> existing = find(connection, salesforceId);
                if (existing.isPresent()) {
                    connection.rollback();
                    return Optional.of(existingLink(existing.get(), source, contactId));
                }
                if (countOneMore(connection, source, contactId) == 0) {
                    boolean known = exists(connection, source, contactId);
                    connection.rollback();
                    return known ? Optional.of(LinkResult.of(LinkResult.Outcome.LIMIT_REACHED)) : Optional.empty();
                }
                insert(connection, source, contactId, salesforceId, how);
                connection.commit();
                return Optional.of(LinkResult.of(LinkResult.Outcome.LINKED));
            } catch (SQLException e) {
                connection.rollback();
                if (StoreSql.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    // another request linked the Contact between our look and our insert
                    return find(salesforceId).map(link -> existingLink(link, source, contactId));
                }
                if (CHECK_VIOLATION_H2.equals(e.getSQLState()) || CHECK_VIOLATION_POSTGRES.equals(e.getSQLState())) {
                    return Optional.of(LinkResult.of(LinkResult.Outcome.LIMIT_REACHED));
                }
                throw e;
            }
        } catch (SQLException e) {
            throw StoreSql.failure("link a contact", e);
        }
    }

    private static LinkResult existingLink(ContactLink existing, String source, String contactId) {
        boolean same = existing.source().equals(source) && existing.contactId().equals(contactId);
        return new LinkResult(same ? LinkResult.Outcome.ALREADY_LINKED : LinkResult.Outcome.LINKED_ELSEWHERE,
                Optional.of(existing));
    }

    /** Removes one link; false when the source contact had no link to that Contact. */
    public boolean unlink(String source, String contactId, String salesforceId) {
        try (Connection connection = sql.connection()) {
            connection.setAutoCommit(false);
            try {
                int removed;
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM contact_links WHERE salesforce_id = ? AND source = ? AND contact_id = ?")) {
                    delete.setString(1, salesforceId);
                    delete.setString(2, source);
                    delete.setString(3, contactId);
                    removed = delete.executeUpdate();
                }
                if (removed > 0) {
                    countChange(connection, source, contactId, -removed);
                }
                connection.commit();
                return removed > 0;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StoreSql.failure("unlink a contact", e);
        }
    }

    /** The source contact is gone: its links are removed, and so is the store's note of it. Answers the links removed. */
    public List<ContactLink> forget(String source, String contactId) {
        try (Connection connection = sql.connection()) {
            connection.setAutoCommit(false);
            try {
                // locks the source contact's row first, so that no link is added while its links are removed
                countChange(connection, source, contactId, 0);
                List<ContactLink> links = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                        + " FROM contact_links WHERE source = ? AND contact_id = ? ORDER BY linked_at, salesforce_id")) {
                    select.setString(1, source);
                    select.setString(2, contactId);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            links.add(link(rows));
                        }
                    }
                }
                for (String statementText : List.of("DELETE FROM contact_links WHERE source = ? AND contact_id = ?",
                        "DELETE FROM source_contacts WHERE source = ? AND contact_id = ?")) {
                    try (PreparedStatement delete = connection.prepareStatement(statementText)) {
                        delete.setString(1, source);
                        delete.setString(2, contactId);
                        delete.executeUpdate();
                    }
                }
                connection.commit();
                return links;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw StoreSql.failure("forget a source contact", e);
        }
    }

    /** Keeps the values the engine has just written to a linked Contact (JSON of field → value). */
    public void rememberWritten(String salesforceId, String valuesJson) {
        sql.update("UPDATE contact_links SET written_values = ?, written_at = ? WHERE salesforce_id = ?", statement -> {
            statement.setString(1, valuesJson);
            setInstant(statement, 2, now());
            statement.setString(3, salesforceId);
        });
    }

    /** The values the engine last wrote to the Contact, as JSON; empty when it wrote none or the Contact is unlinked. */
    public Optional<String> writtenValues(String salesforceId) {
        return sql.queryOne("SELECT written_values FROM contact_links WHERE salesforce_id = ? AND written_values IS NOT NULL",
                statement -> statement.setString(1, salesforceId), rows -> rows.getString(1));
    }

    public Optional<ContactLink> find(String salesforceId) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM contact_links WHERE salesforce_id = ?",
                statement -> statement.setString(1, salesforceId), ContactLinks::link);
    }

    /** The row the link count lives in; of two requests making it at once, the second finds the first's. */
    private void knowSourceContact(String source, String contactId) {
        try {
            sql.update("INSERT INTO source_contacts (source, contact_id, link_count, created_at) SELECT ?, ?, 0, ?"
                    + " WHERE NOT EXISTS (SELECT 1 FROM source_contacts WHERE source = ? AND contact_id = ?)", statement -> {
                        statement.setString(1, source);
                        statement.setString(2, contactId);
                        setInstant(statement, 3, now());
                        statement.setString(4, source);
                        statement.setString(5, contactId);
                    });
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException refused && StoreSql.UNIQUE_VIOLATION.equals(refused.getSQLState()))) {
                throw e;
            }
        }
    }

    private static Optional<ContactLink> find(Connection connection, String salesforceId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM contact_links WHERE salesforce_id = ?")) {
            select.setString(1, salesforceId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(link(rows)) : Optional.empty();
            }
        }
    }

    private static int countOneMore(Connection connection, String source, String contactId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE source_contacts SET link_count = link_count + 1"
                + " WHERE source = ? AND contact_id = ? AND link_count < " + LinkResult.MAX_LINKS)) {
            update.setString(1, source);
            update.setString(2, contactId);
            return update.executeUpdate();
        }
    }

    private static void countChange(Connection connection, String source, String contactId, int by) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE source_contacts SET link_count = link_count + ? WHERE source = ? AND contact_id = ?")) {
            update.setInt(1, by);
            update.setString(2, source);
            update.setString(3, contactId);
            update.executeUpdate();
        }
    }

    private static boolean exists(Connection connection, String source, String contactId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM source_contacts WHERE source = ? AND contact_id = ?")) {
            select.setString(1, source);
            select.setString(2, contactId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void insert(Connection connection, String source, String contactId, String salesforceId,
                               ContactLink.How how) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO contact_links (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, salesforceId);
            insert.setString(2, source);
            insert.setString(3, contactId);
            insert.setString(4, how.toString());
            setInstant(insert, 5, now());
            insert.executeUpdate();
        }
    }

    private static ContactLink link(ResultSet rows) throws SQLException {
        return new ContactLink(rows.getString("source"), rows.getString("contact_id"), rows.getString("salesforce_id"),
                ContactLink.How.of(rows.getString("how")), instant(rows, "linked_at"));
    }
}
