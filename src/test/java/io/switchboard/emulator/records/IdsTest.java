package io.switchboard.emulator.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.emulator.seed.SeededOrg;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void shouldAppendSalesforcesCaseSafeChecksum() {
        assertEquals("001A0000006Vm9rIAC", Ids.to18("001A0000006Vm9r"));
        assertEquals("003000000000000AAA", Ids.to18("003000000000000"));
        assertEquals("ABCDEABCDEABCDE555", Ids.to18("ABCDEABCDEABCDE"));
    }

    @Test
    void shouldGenerateEighteenCharacterIdsWithTheKeyPrefix() {
        String id = Ids.of("500", 123_456);

        assertEquals(18, id.length());
        assertTrue(id.startsWith("500"));
        assertEquals(Ids.to18(id.substring(0, 15)), id);
        assertTrue(SeededOrg.ORG_ID.startsWith("00D"));
    }

    @Test
    void shouldAcceptFifteenAndEighteenCharacterIdsOnly() {
        assertTrue(Ids.isValid("001A0000006Vm9r"));
        assertTrue(Ids.isValid("001A0000006Vm9rIAC"));
        assertTrue(Ids.isValid("001A0000006Vm9riac"));
        assertFalse(Ids.isValid("001A0000006Vm9rAAA"));
        assertFalse(Ids.isValid("001A0000006Vm9"));
        assertFalse(Ids.isValid("001A0000006Vm9r-AC"));
        assertFalse(Ids.isValid(null));
    }

    @Test
    void shouldCanonicaliseToTheEighteenCharacterForm() {
        assertEquals("001A0000006Vm9rIAC", Ids.canonical("001A0000006Vm9r"));
    }
}
