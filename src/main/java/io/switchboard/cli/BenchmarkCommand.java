package io.switchboard.cli;

import io.switchboard.bench.BenchOptions;
import io.switchboard.bench.Benchmark;
import java.util.List;

/** The {@code benchmark} command: parses its options and runs {@link Benchmark}. */
public final class BenchmarkCommand implements Command {
    @Override
    public String name() {
        return "benchmark";
    }

    @Override
    public String summary() {
        return "measure API calls per event, intake and throughput against the emulator, beside a naive integration";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar target/switchboard.jar benchmark [--scenario all|calls|intake|throughput|latency|bulk|contacts|cluster|store]
                           [--rate N] [--duration S] [--latency-ms N] [--mix TYPE=W,...] [--runs N] [--concurrency N] [--engine-env NAME=VALUE]...

                Starts the local Salesforce emulator in a process of its own and an engine against it in this one (a
                fresh embedded store in a temporary folder, the routes/ and config/ of the current folder), posts
                events over HTTP at a steady rate on many connections whatever the answers do, and prints each run
                and the median of all.
                The same events go through a naive baseline, a plain camel-salesforce route making one REST call per
                record, against the same emulator, and the report gives the ratios.

                Scenarios (default: all)         rate/s  latency  mix
                  calls       API calls per event, each type alone, caches warm
                  intake      accepted and stored per second, worker off       2000   -        realistic
                  throughput  sustained events/s, accept-to-done p50/p95/p99    700    0 ms     realistic
                  latency     conversations per second against a slow org        450    150 ms   conversations
                  bulk        100,000 referral rows through bulk-update (not in all): API calls and rows/s,
                              beside one PATCH a row measured on 2,000 of them
                  contacts    queryAll calls to read 10,000 changed Contacts, deliveries/s to a local receiver,
                              Contact updates per API call from the source
                  cluster     1, 2, 3 engine processes on SWITCHBOARD_DB_URL      60/node 150+0 ms realistic
                              (PostgreSQL), the emulator in its own process; not part of all
                  store       the event store alone, as intake and worker use it:  1000   -        realistic
                              CPU ms, KB written and file growth per event (not in all; SWITCHBOARD_DB_URL given
                              with --engine-env measures that database, which must hold no events)

                Options (given, they apply to every scenario; left out, each uses its own default above):
                  --rate N         events per second offered
                  --duration S     seconds each load lasts (default 60)
                  --latency-ms N   delay the emulator adds to every Salesforce call
                  --mix TYPE=W,..  weights per event type, e.g. conversation-closed=4,call=4,referral-status-changed=1,
                                   case-acknowledged=1 (the realistic mix)
                  --runs N         runs of each scenario; figures are their medians (default 3)
                  --concurrency N  the most events the engine's worker runs at once, and the baseline's writers (default 128)
                  --engine-env NAME=VALUE  an engine setting, as the engine reads it from its environment, after the
                                   benchmark's own (repeatable), e.g. SWITCHBOARD_WORKER_CONCURRENCY=16

                Heap and RSS are this process's: the engine and the load generator, whose threads are told apart in
                the CPU figures; the emulator's CPU is its own process's. Run with -Xmx512m to hold the engine to the
                heap target.
                """;
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Logging.quiet();
        Benchmark.run(console.home(), options, console.out());
        return OK;
    }
}
