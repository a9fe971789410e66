package io.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {
    @Test
    void shouldBeVersion7UuidsThatCarryTheirMillisecond() {
        long millis = 1_780_000_000_123L;
        UUID id = EventIds.next(millis);
        assertEquals(7, id.version());
        assertEquals(2, id.variant(), "the IETF variant");
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
        assertEquals(id, UUID.fromString(id.toString()), "the text form is an ordinary UUID");
    }

    @Test
    void shouldSortByTheMillisecondAsTextSoThatABatchLiesTogether() {
        String earlier = EventIds.next(1_780_000_000_123L).toString();
        String later = EventIds.next(1_780_000_000_124L).toString();
        String muchLater = EventIds.next(1_790_000_000_000L).toString();
        assertTrue(earlier.compareTo(later) < 0, earlier + " before " + later);
        assertTrue(later.compareTo(muchLater) < 0, later + " before " + muchLater);
    }

    @Test
    void shouldNotRepeatWithinOneMillisecond() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(EventIds.next(1_780_000_000_123L));
        }
        assertEquals(100_000, ids.size(), "74 random bits leave no collision in 100,000 ids of one millisecond");
    }
}
