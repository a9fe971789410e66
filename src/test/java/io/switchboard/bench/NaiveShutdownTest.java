package io.switchboard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.testing.CapturedLog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A benchmark ends with the naive baseline far behind a slow org. Shutting it down then must not dump the exchanges
 * its writers were blocked on: Camel would log each one with its body, and a conversation's body is personal data.
 */
class NaiveShutdownTest {
    @Test
    void shouldStopTheBaselineWithoutDumpingTheExchangesItWasWorkingOn() throws Exception {
        List<String> logged;
        try (CapturedLog log = CapturedLog.all()) {
            try (BenchRig rig = BenchRig.start(Path.of(""), 2, true)) {
                rig.resetOrg(150);
                BenchEvents events = new BenchEvents("quiet");
                OpenLoopLoad.LoadResult sent = rig.load().drive(NaiveIntegration.PATH, 300, 300,
                        n -> events.conversation(n, 5));
                assertEquals(300, sent.accepted(), "the baseline took every event, to work on far longer than the load");
                assertTrue(rig.naive().entries().size() < 100, "still behind when the run ends");
            }
            logged = log.lines();
        }
        assertTrue(logged.stream().noneMatch(line -> line.contains("Message History") || line.contains("Body ")),
                "no exchange dumped: " + logged.stream().filter(line -> line.contains("Message History")).findFirst());
        assertTrue(logged.stream().noneMatch(line -> line.contains("inflight threads currently blocked")),
                String.join("\n", logged));
    }
}
