package io.switchboard.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, the tables of Quartz's clustered JDBC job store, through which the nodes sharing the store run each
 * scheduled job once per tick. They are created from the script Quartz ships for PostgreSQL, so they are always the
 * ones the Quartz on the class path expects; the script's DROP statements and its closing COMMIT are left out
 * (Flyway runs the migration in its own transaction).
 */
final class QuartzTables extends BaseJavaMigration {
    private static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    @Override
    protected void init() {
        // version and description are given below, not read from the class name
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3.1");
    }

    @Override
    public String getDescription() {
        return "quartz job store";
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : createStatements()) {
                statement.execute(sql);
            }
        }
    }

    static List<String> createStatements() throws IOException {
        String script;
        try (InputStream in = QuartzTables.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("Quartz's " + SCRIPT + " is not on the class path");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutComments = script.lines().filter(line -> !line.strip().startsWith("--"))
                .reduce("", (all, line) -> all + line + "\n");
        return Arrays.stream(withoutComments.split(";")).map(String::strip)
                .filter(sql -> sql.regionMatches(true, 0, "CREATE", 0, "CREATE".length())).toList();
    }
}
