package io.switchboard.bulk;

import io.switchboard.salesforce.SalesforceClient;
import java.time.Clock;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;

/**
 * The ways a run writes to one connection, all admitted by its API allowance: sObject collections for small files,
 * a Bulk API job for large ones, and the read-back of rows an earlier run left in doubt.
 */
public record Writers(CollectionsWriter collections, BulkJobWriter jobs, ReadBack readBack, AllowanceWait allowance) {
    /**
     * @param say where a wait for the allowance is told
     */
    public static Writers of(CamelContext context, SalesforceClient client, Consumer<String> say) {
        AllowanceWait allowance = new AllowanceWait(client, say, Clock.systemUTC());
        return new Writers(new CollectionsWriter(client, allowance),
                new BulkJobWriter(new IngestJobClient(context, client.connection(), allowance)),
                new ReadBack(client, allowance), allowance);
    }

    /** Returns once the connection admits a call, after logging in if need be; waits while it is paused. */
    public void admit() {
        allowance.admit();
    }
}
