package io.switchboard.schedule;

import io.switchboard.store.EventStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.component.quartz.QuartzComponent;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * The {@code quartz:} component of engines that share a PostgreSQL store: Quartz's clustered JDBC job store on that
 * database, so that each scheduled job (a route {@code from: quartz:...}) fires once per tick across all the nodes,
 * on whichever node acquires the trigger first, and another node takes the job over when the one running it dies.
 * Quartz's tables are created by the store's migrations on PostgreSQL. On the embedded store the engine keeps
 * Camel's default in-memory scheduler: one node, nothing to share.
 *
 * <p>Every node names the scheduler alike ({@value #SCHEDULER_NAME}) and itself by its node id, which must therefore
 * be unique among the nodes. Quartz keeps one scheduler per name in a process, so one engine runs per process.
 */
public final class ClusteredScheduler {
    static final String SCHEDULER_NAME = "switchboard";
    /** How often a node tells the others it is alive; a node silent for longer has its running jobs recovered. */
    private static final int CHECK_IN_MILLIS = 7_500;
    /**
     * A tick fired later than this (the nodes busy or starting) counts as missed, and the missed ticks of a job run
     * once, at once, instead of one after another: a late poll or sync need not catch up tick by tick.
     */
    private static final int MISFIRE_MILLIS = 1_000;

    private ClusteredScheduler() {
    }

    /** The component to bind as {@code quartz}, scheduling on the store's database as node {@code nodeId}. */
    public static QuartzComponent component(EventStore store, String nodeId) {
        // the name is Quartz's key for the pool in a process-wide registry: one of its own per store opened
        String dataSourceName = "switchboard-store-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new StorePool(store.dataSource()));
        QuartzComponent quartz = new QuartzComponent();
        try {
            quartz.setSchedulerFactory(new StdSchedulerFactory(properties(dataSourceName, nodeId)));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot configure the clustered scheduler: " + e.getMessage(), e);
        }
        return quartz;
    }

    static Properties properties(String dataSourceName, String nodeId) {
        Properties properties = new Properties();
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, SCHEDULER_NAME);
        properties.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, nodeId);
        properties.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        properties.setProperty("org.quartz.threadPool.threadCount", "2");
        properties.setProperty(StdSchedulerFactory.PROP_JOB_STORE_CLASS, "org.quartz.impl.jdbcjobstore.JobStoreTX");
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        properties.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        properties.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        properties.setProperty("org.quartz.jobStore.isClustered", "true");
        properties.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(CHECK_IN_MILLIS));
        properties.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(MISFIRE_MILLIS));
        // triggers are taken under the cluster's row lock, so two nodes never fire one tick each
        properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return properties;
    }

    /** Quartz's connections come from the store's own pool; the store closes it. */
    private record StorePool(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the store owns the pool and closes it after the scheduler has stopped
        }

        @Override
        public void initialize() {
            // the pool is open already
        }
    }
}
