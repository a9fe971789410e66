package io.switchboard.attachments;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/** A block of IP addresses, {@code 10.0.0.0/8} or {@code fc00::/7}; a single address is a block of one. */
record AddressRange(InetAddress network, int prefixLength) {

    /** An address ({@code 127.0.0.1}, {@code ::1}) or a CIDR range ({@code 10.0.0.0/8}); empty for anything else. */
    static Optional<AddressRange> parse(String text) {
        int slash = text.indexOf('/');
        Optional<InetAddress> address = IpLiteral.parse(slash < 0 ? text : text.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().getAddress().length * 8;
        if (slash < 0) {
            return Optional.of(new AddressRange(address.get(), bits));
        }
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > bits) {
            return Optional.empty();
        }
        return Optional.of(new AddressRange(address.get(), Integer.parseInt(prefix)));
    }

    static AddressRange of(String cidr) {
        return parse(cidr).orElseThrow(() -> new IllegalArgumentException("not an address range: " + cidr));
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] block = network.getAddress();
        if (candidate.length != block.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != block[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (candidate[whole] & mask) == (block[whole] & mask);
    }

    boolean isIpv4() {
        return network instanceof Inet4Address;
    }
}
