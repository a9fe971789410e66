package io.switchboard.store;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New event ids: UUIDs of version 7 (RFC 9562), whose first 48 bits are the millisecond the event was accepted and
 * whose other 74 bits are random. Events accepted together get ids that sort together, so the rows and index entries a
 * batch writes, and later claims and outcomes change, lie on a few neighbouring pages of the store rather than one
 * page each anywhere in the table: the embedded store writes every page a commit changed, and with random ids each
 * event cost its own pages at each of its three commits.
 */
final class EventIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private EventIds() {
    }

    static String next() {
        return next(System.currentTimeMillis()).toString();
    }

    static UUID next(long epochMillis) {
        long randomHigh = RANDOM.nextLong();
        long randomLow = RANDOM.nextLong();
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 // the millisecond, 48 bits
                | 0x7000L                                   // version 7
                | (randomHigh & 0x0FFFL);                   // 12 random bits
        long low = 0x8000_0000_0000_0000L                   // the IETF variant, bits 10
                | (randomLow & 0x3FFF_FFFF_FFFF_FFFFL);     // 62 random bits
        return new UUID(high, low);
    }
}
