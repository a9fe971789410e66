package io.switchboard.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The event store on PostgreSQL ({@link PostgresServer}), each test in a schema of its own that is dropped
 * afterwards.
 */
class PostgresEventStoreTest extends EventStoreBehaviour {
    private static final List<String> SCHEMAS = new ArrayList<>();

    @BeforeAll
    static void requirePostgres() {
        PostgresServer.require();
    }

    @Override
    protected String freshJdbcUrl() throws SQLException {
        String schema = PostgresServer.createSchema("switchboard_test");
        SCHEMAS.add(schema);
        return PostgresServer.urlOf(schema);
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        for (String schema : SCHEMAS) {
            PostgresServer.dropSchema(schema);
        }
        SCHEMAS.clear();
    }
}
