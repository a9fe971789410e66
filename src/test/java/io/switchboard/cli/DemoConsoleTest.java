package io.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoConsoleTest {
    @Test
    void shouldKeepAMadeUpTokenInAFileOnlyItsOwnerMayRead(@TempDir Path dataDir) throws Exception {
        Path file = DemoConsole.writeToken(dataDir, "t0ken");
        assertEquals("t0ken", Files.readString(file).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void shouldTakeTheConsolePortOnlyAsAWholeNumberItCanPrint() {
        assertEquals(8080, DemoConsole.port(" 8080 "));
        for (String bad : new String[] {"0", "65536", "eighty", "-1"}) {
            UsageException refused = assertThrows(UsageException.class, () -> DemoConsole.port(bad));
            assertTrue(refused.getMessage().contains("SWITCHBOARD_PORT"), refused.getMessage());
        }
    }
}
