package io.switchboard.cli;

import io.switchboard.config.Configuration;
import io.switchboard.config.EngineSettings;
import io.switchboard.store.EventStatus;
import io.switchboard.store.EventStore;
import io.switchboard.store.ReplayResult;
import io.switchboard.store.StoreInUseException;
import io.switchboard.store.StoredEvent;
import java.util.List;
import java.util.Optional;

/** Puts failed or skipped events back to pending in the event store, for the engine to process again. */
final class ReplayCommand implements Command {
    private static final int PAGE = 500;

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String summary() {
        return "re-queue stored events: replay EVENT_ID... or replay --failed";
    }

    @Override
    public String usage() {
        return """
                Usage: java -jar target/switchboard.jar replay EVENT_ID...
                       java -jar target/switchboard.jar replay --failed

                Puts the given failed or skipped events (or every failed event) back to pending in the event store
                (SWITCHBOARD_DB_URL, or the embedded store under SWITCHBOARD_DATA_DIR); a running engine then
                processes them again. Events that are pending, processing or done are left alone. The embedded store
                can only be opened while no engine runs on it; against a running engine use
                POST /events/{eventId}/replay instead. Exits 0 when every named event was re-queued.
                """;
    }

    @Override
    public int run(List<String> args, Console console) {
        boolean allFailed = args.equals(List.of("--failed"));
        if (!allFailed) {
            Arguments.noOptions(args);
            if (args.isEmpty()) {
                throw new UsageException("expects EVENT_ID... or --failed");
            }
        }
        Logging.quiet();
        EngineSettings settings = EngineSettings.from(Configuration.load(console.configDir(), console.environment()));
        try (EventStore store = EventStore.open(settings)) {
            return allFailed ? replayFailed(store, console) : replayEach(store, args, console);
        } catch (StoreInUseException e) {
            console.err().println("switchboard replay: " + e.getMessage() + "; replay through it with "
                    + "POST /events/{eventId}/replay, or stop it first");
            return NOT_OK;
        }
    }

    private static int replayEach(EventStore store, List<String> ids, Console console) {
        int refused = 0;
        for (String id : ids) {
            ReplayResult result = store.replay(id);
            switch (result) {
                case REQUEUED -> console.out().println(id + ": re-queued");
                case NOT_FOUND -> console.out().println(id + ": no such event");
                case NOT_REPLAYABLE -> console.out().println(id + ": not failed or skipped, left as it is");
            }
            refused += result == ReplayResult.REQUEUED ? 0 : 1;
        }
        return refused == 0 ? OK : NOT_OK;
    }

    private static int replayFailed(EventStore store, Console console) {
        int requeued = 0;
        int requeuedInPage;
        do {
            requeuedInPage = 0;
            for (StoredEvent event : store.list(Optional.of(EventStatus.FAILED), PAGE)) {
                if (store.replay(event.id()) == ReplayResult.REQUEUED) {
                    requeuedInPage++;
                }
            }
            requeued += requeuedInPage;
        } while (requeuedInPage > 0);
        console.out().println(requeued + " failed event" + (requeued == 1 ? "" : "s") + " re-queued.");
        return OK;
    }
}
