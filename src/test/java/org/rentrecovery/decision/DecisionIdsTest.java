package org.rentrecovery.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DecisionIdsTest {

    @Test
    void anIdCarriesItsMillisecondVersion7AndTheRandomIdsOtherBits() {
        UUID random = UUID.fromString("c0ffee00-1234-4abc-9def-0123456789ab");
        long millis = Instant.parse("2026-12-03T07:30:00.123Z").toEpochMilli();

        UUID id = DecisionIds.of(millis, random);

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(millis, id.getMostSignificantBits() >>> 16);
        assertEquals(0xabcL, id.getMostSignificantBits() & 0xfffL);
        assertEquals(random.getLeastSignificantBits(), id.getLeastSignificantBits());
        assertEquals("01a23acf-653b-7abc-9def-0123456789ab", id.toString());
    }

    @Test
    void idsOfALaterMillisecondSortAfterAndIdsOfOneMillisecondDiffer() {
        long millis = Instant.parse("2026-12-03T07:30:00Z").toEpochMilli();
        Set<UUID> sameMillisecond = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID now = DecisionIds.of(millis, UUID.randomUUID());
            UUID later = DecisionIds.of(millis + 1, UUID.randomUUID());
            assertTrue(now.toString().compareTo(later.toString()) < 0, now + " before " + later);
            sameMillisecond.add(now);
        }
        assertEquals(10_000, sameMillisecond.size());
    }

    @Test
    void aNewIdIsOfTheCurrentMillisecond() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(DecisionIds.next());
        long after = System.currentTimeMillis();

        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, millis + " within " + before + ".." + after);
        assertEquals(7, id.version());
    }
}
