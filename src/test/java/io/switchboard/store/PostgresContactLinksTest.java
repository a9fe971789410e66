package io.switchboard.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contact links on PostgreSQL at 127.0.0.1:5432/test (user postgres), shared by two stores as two nodes share
 * it, each test in a schema of its own that is dropped afterwards. Skipped, with the reason shown, when no such
 * server is reachable.
 */
class PostgresContactLinksTest extends ContactLinksBehaviour {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=2";
    private static final List<String> SCHEMAS = new ArrayList<>();

    @BeforeAll
    static void requirePostgres() {
        try (Connection ignored = DriverManager.getConnection(SERVER)) {
            // reachable
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL contact link tests skipped: no server at " + SERVER + " (" + e.getMessage() + ")");
        }
    }

    @Override
    protected String freshJdbcUrl() throws SQLException {
        String schema = "switchboard_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        SCHEMAS.add(schema);
        return SERVER + "&currentSchema=" + schema;
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        for (String schema : SCHEMAS) {
            execute("DROP SCHEMA " + schema + " CASCADE");
        }
        SCHEMAS.clear();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
