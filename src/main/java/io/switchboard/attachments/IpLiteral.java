package io.switchboard.attachments;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an IP address written out (IPv4 dotted quad, IPv6 with or without brackets) without ever asking DNS, so
 * that an allowed-hosts entry or a range is an address only when written as one, never because a name resolved.
 */
final class IpLiteral {
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Hex digits, colons and an embedded dotted quad; a zone id ({@code %eth0}) names an interface, not a host. */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private IpLiteral() {
    }

    static Optional<InetAddress> parse(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        var ipv4 = IPV4.matcher(bare);
        if (ipv4.matches()) {
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(ipv4.group(i + 1));
                if (part > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) part;
            }
            return Optional.of(byAddress(bytes));
        }
        if (!IPV6.matcher(bare).matches()) {
            return Optional.empty();
        }
        try {
            // text with a colon that starts with a hex digit or a colon is parsed as an IPv6 literal, never looked up
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The address as a rule compares it: an IPv4-mapped IPv6 address ({@code ::ffff:127.0.0.1}) is the IPv4 address
     * it maps, so that one rule, or one refusal, covers both spellings.
     */
    static InetAddress canonical(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != 16 || bytes[10] != (byte) 0xff || bytes[11] != (byte) 0xff) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return address;
            }
        }
        return byAddress(Arrays.copyOfRange(bytes, 12, 16));
    }

    /** IPv4-mapped IPv6 bytes become the IPv4 address (the JDK does so), so that one rule covers both spellings. */
    static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, got " + bytes.length, e);
        }
    }
}
