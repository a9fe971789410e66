package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the store's PostgreSQL tests run against: 127.0.0.1:5432, database {@code test}, user
 * {@code postgres}, trust authentication. On a developer's machine without it those tests are skipped with the
 * reason shown; in CI ({@code CI=true}) its absence fails them, so that they cannot go unrun unnoticed.
 */
public final class PostgresServer {
    public static final String URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=2";

    private PostgresServer() {
    }

    /** Skips the calling tests when the server is unreachable, or fails them when running in CI. */
    public static void require() {
        try (Connection ignored = DriverManager.getConnection(URL)) {
            // reachable
        } catch (SQLException e) {
            String reason = "no PostgreSQL server at " + URL + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("PostgreSQL tests must run in CI, but there is " + reason);
            }
            Assumptions.abort("PostgreSQL tests skipped: " + reason);
        }
    }

    /** Creates a schema of its own for one test; answers its name. Drop it with {@link #dropSchema}. */
    public static String createSchema(String prefix) throws SQLException {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    /** The JDBC URL of the store in that schema. */
    public static String urlOf(String schema) {
        return URL + "&currentSchema=" + schema;
    }

    public static void dropSchema(String schema) throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
