package io.switchboard.attachments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which host, resolved to which addresses, attachments may be downloaded from: plain inputs, no DNS, no sockets.
 * Addresses are written as literals, which the JDK reads without a lookup.
 */
class AllowedHostsTest {

    private static List<InetAddress> addresses(String... literals) {
        return Arrays.stream(literals).map(literal -> IpLiteral.parse(literal).orElseThrow()).toList();
    }

    private static AllowedHosts allowing(String... entries) {
        return AllowedHosts.of(List.of(entries));
    }

    @Test
    void shouldAllowANameListedExactlyInAnyCaseOnlyAtItsPublicAddresses() {
        AllowedHosts hosts = allowing("Files.Witiop.com");
        assertTrue(hosts.permits("files.witiop.com", addresses("203.0.113.7")));
        assertTrue(hosts.permits("FILES.witiop.COM.", addresses("203.0.113.7", "2001:db8::7")));
        assertFalse(hosts.permits("cdn.files.witiop.com", addresses("203.0.113.7")), "exact names have no subdomains");
        assertFalse(hosts.permits("witiop.com", addresses("203.0.113.7")));
        assertFalse(hosts.permits("files.witiop.com", List.of()), "a host that resolves to nothing");
    }

    @Test
    void shouldAllowEverySubdomainOfAWildcardButNotTheDomainItself() {
        AllowedHosts hosts = allowing("*.witiop.com");
        assertTrue(hosts.permits("files.witiop.com", addresses("203.0.113.7")));
        assertTrue(hosts.permits("eu.files.witiop.com", addresses("203.0.113.7")));
        assertFalse(hosts.permits("witiop.com", addresses("203.0.113.7")));
        assertFalse(hosts.permits("evilwitiop.com", addresses("203.0.113.7")));
        assertFalse(hosts.permits("files.witiop.com.evil.example", addresses("203.0.113.7")));
    }

    @Test
    void shouldNeverLetANameOpenAnAddressOfTheEnginesOwnMachineOrNetwork() {
        AllowedHosts hosts = allowing("localhost", "files.witiop.com");
        for (String special : List.of("127.0.0.1", "127.8.9.10", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "100.64.0.1", "100.127.255.254", "169.254.169.254", "224.0.0.1", "239.255.255.250",
                "255.255.255.255", "::1", "::", "fe80::1", "fec0::1", "fc00::1", "fd12:3456::1", "ff02::1",
                "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::127.0.0.1", "64:ff9b::a00:1")) {
            assertFalse(hosts.permits("localhost", addresses(special)), special);
            assertFalse(hosts.permits("files.witiop.com", addresses(special)), special);
        }
        assertFalse(hosts.permits("files.witiop.com", addresses("203.0.113.7", "10.0.0.7")),
                "one refused address refuses the host, whichever address a connection would try first");
    }

    @Test
    void shouldKeepOrdinaryAddressesBesideTheSpecialRangesOrdinary() {
        AllowedHosts hosts = allowing("files.witiop.com");
        for (String ordinary : List.of("9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "172.15.255.255",
                "172.32.0.0", "192.167.255.255", "169.253.255.255", "223.255.255.255", "2001:db8::1", "fbff::1",
                "fe00::1", "::ffff:203.0.113.7", "64:ff9b::cb00:7107")) {
            assertTrue(hosts.permits("files.witiop.com", addresses(ordinary)), ordinary);
        }
    }

    @Test
    void shouldOpenASpecialAddressOnlyWhenListedByAddressOrRange() {
        AllowedHosts loopback = allowing("127.0.0.1");
        assertTrue(loopback.permits("127.0.0.1", addresses("127.0.0.1")));
        assertTrue(loopback.permits("localhost", addresses("127.0.0.1")), "a name whose every address is listed");
        assertFalse(loopback.permits("localhost", addresses("127.0.0.1", "::1")), "::1 is not listed");
        assertFalse(loopback.permits("127.0.0.2", addresses("127.0.0.2")));
        assertTrue(loopback.permits("[::ffff:127.0.0.1]", addresses("::ffff:127.0.0.1")), "the mapped form is the same address");

        AllowedHosts ranges = allowing("10.20.0.0/16", "fd00:1::/32", "[::1]");
        assertTrue(ranges.permits("10.20.255.1", addresses("10.20.255.1")));
        assertTrue(ranges.permits("files.internal", addresses("10.20.0.9")), "a name inside a listed range");
        assertFalse(ranges.permits("10.21.0.1", addresses("10.21.0.1")));
        assertTrue(ranges.permits("[fd00:1:ffff::1]", addresses("fd00:1:ffff::1")));
        assertFalse(ranges.permits("[fd00:2::1]", addresses("fd00:2::1")));
        assertTrue(ranges.permits("[::1]", addresses("::1")));
        assertFalse(ranges.permits("127.0.0.1", addresses("127.0.0.1")), "::1 listed does not open 127.0.0.1");

        AllowedHosts oddPrefix = allowing("100.64.0.0/10");
        assertTrue(oddPrefix.permits("100.127.0.1", addresses("100.127.0.1")));
        assertFalse(oddPrefix.permits("100.128.0.1", addresses("100.128.0.1")));
    }

    @Test
    void shouldOpenAPublicAddressListedByAddressWhateverNameLedToIt() {
        AllowedHosts hosts = allowing("203.0.113.0/24");
        assertTrue(hosts.permits("203.0.113.7", addresses("203.0.113.7")));
        assertTrue(hosts.permits("files.example.org", addresses("203.0.113.8")));
        assertFalse(hosts.permits("files.example.org", addresses("198.51.100.1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"files.witiop.com", "FILES.example.COM", "localhost", "*.witiop.com", "*.eu.witiop.com",
            "127.0.0.1", "10.0.0.0/8", "0.0.0.0/0", "::1", "[::1]", "fd00::/8", "::ffff:10.0.0.1", "2001:db8::/32"})
    void shouldAcceptEveryKindOfEntry(String entry) {
        assertTrue(AllowedHosts.isEntry(entry), entry);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "*.com", "http://files.witiop.com", "files.witiop.com:8443", "files.witiop.com/path",
            "user@files.witiop.com", "*files.witiop.com", "files.*.com", "-files.com", "files_witiop.com", "127.1",
            "256.0.0.1", "10.0.0.0/33", "10.0.0.0/", "::1/129", "fe80::1%eth0", "1.2.3.4.5", "2130706433"})
    void shouldRefuseAnEntryThatIsNoHostAddressOrRange(String entry) {
        assertFalse(AllowedHosts.isEntry(entry), entry);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> allowing(entry));
        assertEquals("'" + entry + "' is not " + AllowedHosts.EXPECTED, refused.getMessage());
    }

    @Test
    void shouldBeEmptyOnlyWithNothingListed() {
        assertTrue(AllowedHosts.none().isEmpty());
        assertFalse(allowing("files.witiop.com").isEmpty());
    }
}
