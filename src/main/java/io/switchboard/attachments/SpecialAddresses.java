package io.switchboard.attachments;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * Addresses that lead into the engine's own machine or network rather than to a file server on the internet:
 * loopback, link-local (where cloud metadata services answer), private and carrier-grade NAT ranges, IPv6
 * unique-local and site-local, multicast, the unspecified address and the reserved block with the broadcast
 * address. An attachment URL reaching one of these is how a posted event would read the engine's metrics or the
 * cloud's credentials, so only an allowed-hosts entry that names the address itself opens one.
 */
final class SpecialAddresses {
    private static final List<AddressRange> IPV4 = ranges("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16", "224.0.0.0/4", "240.0.0.0/4");
    private static final List<AddressRange> IPV6 = ranges("::/128", "::1/128", "fe80::/10", "fec0::/10", "fc00::/7",
            "ff00::/8");
    /**
     * IPv6 forms that carry an IPv4 address in their last four bytes and reach it: IPv4-compatible ({@code ::/96})
     * and the NAT64 prefix ({@code 64:ff9b::/96}). IPv4-mapped ones are read as the IPv4 address
     * they map ({@link IpLiteral#canonical}).
     */
    private static final List<AddressRange> EMBEDDING_IPV4 = ranges("::/96", "64:ff9b::/96");

    private SpecialAddresses() {
    }

    static boolean isSpecial(InetAddress given) {
        InetAddress address = IpLiteral.canonical(given);
        if (IPV4.stream().anyMatch(range -> range.contains(address))
                || IPV6.stream().anyMatch(range -> range.contains(address))) {
            return true;
        }
        if (EMBEDDING_IPV4.stream().anyMatch(range -> range.contains(address))) {
            byte[] bytes = address.getAddress();
            return isSpecial(IpLiteral.byAddress(Arrays.copyOfRange(bytes, 12, 16)));
        }
        return false;
    }

    private static List<AddressRange> ranges(String... cidrs) {
        return Arrays.stream(cidrs).map(AddressRange::of).toList();
    }
}
