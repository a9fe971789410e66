package io.switchboard.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.switchboard.config.EngineSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the store's database: a HikariCP pool on its JDBC URL, with the schema brought up to date by Flyway. */
final class StoreDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(StoreDatabase.class);
    /**
     * WRITE_DELAY=0 writes every commit to the file before the commit returns. H2's default (500 ms) keeps commits
     * in memory that long, and a crash then loses events already answered 202.
     */
    private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    private static final int POOL_SIZE = 16;
    private static final int H2_DATABASE_ALREADY_OPEN = 90020;
    /** H2's DATABASE_CALLED_AT_SHUTDOWN: what a statement and its connection say once they outlive the database. */
    private static final int H2_CLOSED_AT_SHUTDOWN = 90121;
    private static final String H2_FILE_PREFIX = "jdbc:h2:file:";
    static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    private StoreDatabase() {
    }

    /** The configured URL, or an embedded H2 file database in the data folder when none is set. */
    static String jdbcUrl(EngineSettings settings) {
        if (settings.dbUrl() != null && !settings.dbUrl().isBlank()) {
            return settings.dbUrl().strip();
        }
        return embeddedUrl(settings.dataDir());
    }

    static String embeddedUrl(Path dataDir) {
        return H2_FILE_PREFIX + dataDir.toAbsolutePath().normalize().resolve("switchboard") + H2_OPTIONS;
    }

    /** A store that lives as long as it is open, for checks that must not touch the real one. */
    static String inMemoryUrl(String name) {
        return "jdbc:h2:mem:" + name + H2_OPTIONS;
    }

    /** The schema's migrations for a store at this URL, its data source still to be set. */
    static FluentConfiguration migrations(String jdbcUrl) {
        FluentConfiguration flyway = Flyway.configure().locations("classpath:db/migration");
        if (jdbcUrl.startsWith(POSTGRESQL_PREFIX)) {
            // only a shared store runs the clustered scheduler, which keeps its triggers in tables of its own
            flyway.javaMigrations(new QuartzTables());
        }
        return flyway;
    }

    static HikariDataSource open(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new StoreException("SWITCHBOARD_DB_URL must be a JDBC URL such as jdbc:postgresql://host:5432/db, got '"
                    + EngineSettings.maskUrlPassword(jdbcUrl) + "'");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("switchboard-store");
        config.setMaximumPoolSize(POOL_SIZE);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            if (jdbcUrl.startsWith(H2_FILE_PREFIX) && heldByAnotherProcess(e)) {
                throw new StoreInUseException(embeddedFolder(jdbcUrl), e);
            }
            throw new StoreException("cannot open the event store at " + EngineSettings.maskUrlPassword(jdbcUrl) + ": "
                    + rootMessage(e), e);
        }
        try {
            migrations(jdbcUrl).dataSource(dataSource).load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("cannot migrate the event store schema: " + rootMessage(e), e);
        }
        return dataSource;
    }

    /**
     * Closes the pool, an embedded file first with {@code SHUTDOWN COMPACT}. While open, that file grows by about what
     * the store writes, as H2 reuses little of the space its commits leave behind (see the README's "Known limit");
     * compacted it keeps only the live data: a file of 1.1 GB holding 28,000 events became 26 MB in 1.7 s.
     */
    static void close(String jdbcUrl, HikariDataSource dataSource) {
        if (jdbcUrl.startsWith(H2_FILE_PREFIX)) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN COMPACT");
            } catch (SQLException e) {
                if (e.getErrorCode() != H2_CLOSED_AT_SHUTDOWN) {
                    LOG.warn("The event store's file was closed without being compacted: {}", e.getMessage());
                }
            }
        }
        dataSource.close();
    }

    /** H2's "database may be already in use" (90020): another process holds the file's lock. */
    private static boolean heldByAnotherProcess(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    /** The data folder of an embedded URL made by {@link #embeddedUrl}. */
    private static Path embeddedFolder(String jdbcUrl) {
        String file = jdbcUrl.substring(H2_FILE_PREFIX.length(), jdbcUrl.indexOf(';') < 0 ? jdbcUrl.length() : jdbcUrl.indexOf(';'));
        Path database = Path.of(file);
        return database.getParent() == null ? database : database.getParent();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }
}
