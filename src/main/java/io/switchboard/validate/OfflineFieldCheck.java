package io.switchboard.validate;

import io.switchboard.config.ConnectionOptions;
import io.switchboard.mapping.MappingProblem;
import io.switchboard.mapping.MappingUseCheck;
import io.switchboard.mapping.ObjectUse;
import io.switchboard.schema.SavedDescribes;
import io.switchboard.schema.SavedSchema;
import io.switchboard.schema.UnreadableFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Checks the Salesforce fields and picklist values of every mapping (and the contact sync's Contact fields) against the describes check-connection saved for
 * its connection, with the same check check-connection runs against the org. Describes never saved leave the fields
 * unchecked, which is said but is no problem: validate must pass where no org was ever reached (a build machine).
 * A saved file that cannot be read is a problem, as anything else broken in what validate reads.
 */
final class OfflineFieldCheck {
    private final Path dataDir;
    private final Clock clock;
    private final Function<Path, String> shown;

    /** @param shown how a path is printed, so that notes name folders the way problems name files */
    OfflineFieldCheck(Path dataDir, Clock clock, Function<Path, String> shown) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.shown = shown;
    }

    /** Adds what was found to {@code problems} and what was and was not checked to {@code notes}. */
    void check(Set<String> connections, List<ObjectUse> uses, List<Problem> problems, List<String> notes) {
        for (String connection : connections) {
            if (uses.stream().anyMatch(use -> use.connection().equals(connection))) {
                check(new SavedDescribes(dataDir, connection).read(), uses, problems, notes);
            }
        }
    }

    private void check(SavedSchema saved, List<ObjectUse> uses, List<Problem> problems, List<String> notes) {
        String connection = saved.connection();
        if (saved.nothingSaved()) {
            notes.add("Salesforce field names and picklist values were not checked for connection '" + connection
                    + "': run " + checkCommand(connection) + " once to save its describes.");
            return;
        }
        for (UnreadableFile file : saved.unreadable()) {
            problems.add(new Problem(file.file(), 0, "not a saved describe validate can use: " + file.reason()
                    + "; run " + checkCommand(connection) + " again to replace it"));
        }
        MappingUseCheck.Result result = MappingUseCheck.run(saved, uses);
        for (MappingProblem problem : result.problems()) {
            problems.add(new Problem(problem.file(), problem.line(), problem.message()));
        }
        if (result.objects() > 0) {
            notes.add("Field checks used the describes check-connection saved for '" + connection + "' "
                    + ago(saved.oldestFetch().orElseThrow()) + " (" + shown.apply(saved.folder()) + ", from "
                    + String.join(", ", saved.instanceUrls()) + ").");
        }
        if (!result.notDescribed().isEmpty()) {
            Set<String> objects = new TreeSet<>(result.notDescribed().stream().map(ObjectUse::sobject).toList());
            notes.add("Salesforce fields of " + String.join(", ", objects) + " on connection '" + connection
                    + "' were not checked: check-connection saved no readable describe of "
                    + (objects.size() == 1 ? "it" : "them") + "; run " + checkCommand(connection) + " again.");
        }
    }

    private static String checkCommand(String connection) {
        return connection.equals(ConnectionOptions.DEFAULT) ? "check-connection" : "check-connection " + connection;
    }

    /** Coarse on purpose: the question is whether the describes are from today's org, not the second they were read. */
    private String ago(Instant fetched) {
        Duration age = Duration.between(fetched, clock.instant());
        if (age.toMinutes() < 1) {
            return "less than a minute ago";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 2) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " days ago";
    }
}
