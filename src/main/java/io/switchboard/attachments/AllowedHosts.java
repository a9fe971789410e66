package io.switchboard.attachments;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The hosts an operator lets the engine download attachments from ({@code attachments.allowedHosts} in
 * {@code config/conversation-closed.yaml}): host names (exact, any case), {@code *.example.com} for every subdomain
 * of example.com, IP addresses and CIDR ranges. A host is allowed when every address it resolves to is listed by
 * address, or is an ordinary internet address of a host listed by name. So a name never opens the engine's own
 * machine or network ({@link SpecialAddresses}): {@code localhost} listed by name stays refused, {@code 127.0.0.1}
 * listed by address is allowed.
 */
public final class AllowedHosts {
    /**
     * What every refusal says, whatever refused it, so that an event's error tells its sender nothing about which
     * addresses exist, answer or are listed.
     */
    public static final String REFUSED = "attachment host not allowed";
    /** What an entry may be, for the file's problems. */
    public static final String EXPECTED = "a host name such as files.example.com, *.example.com for its subdomains, "
            + "an IP address such as 203.0.113.7 or a CIDR range such as 10.20.0.0/16";
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final String WILDCARD = "*.";

    private final List<String> names;
    private final List<String> subdomainsOf;
    private final List<AddressRange> addresses;

    private AllowedHosts(List<String> names, List<String> subdomainsOf, List<AddressRange> addresses) {
        this.names = List.copyOf(names);
        this.subdomainsOf = List.copyOf(subdomainsOf);
        this.addresses = List.copyOf(addresses);
    }

    /** Whether {@code text} is an entry the list can hold: one of {@link #EXPECTED}. */
    public static boolean isEntry(String text) {
        return parse(text).isPresent();
    }

    /** @throws IllegalArgumentException for an entry that is not one of {@link #EXPECTED} */
    public static AllowedHosts of(List<String> entries) {
        List<String> names = new ArrayList<>();
        List<String> subdomainsOf = new ArrayList<>();
        List<AddressRange> addresses = new ArrayList<>();
        for (String text : entries) {
            Entry entry = parse(text).orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not "
                    + EXPECTED));
            if (entry.name() != null) {
                names.add(entry.name());
            } else if (entry.subdomainsOf() != null) {
                subdomainsOf.add(entry.subdomainsOf());
            } else {
                addresses.add(entry.range());
            }
        }
        return new AllowedHosts(names, subdomainsOf, addresses);
    }

    private static Optional<Entry> parse(String text) {
        String entry = text.strip().toLowerCase(Locale.ROOT);
        Optional<AddressRange> range = AddressRange.parse(entry);
        if (range.isPresent()) {
            return Optional.of(new Entry(null, null, range.get()));
        }
        if (entry.startsWith(WILDCARD)) {
            String domain = entry.substring(WILDCARD.length());
            return isHostName(domain) && domain.contains(".") ? Optional.of(new Entry(null, domain, null)) : Optional.empty();
        }
        return isHostName(entry) ? Optional.of(new Entry(entry, null, null)) : Optional.empty();
    }

    public static AllowedHosts none() {
        return of(List.of());
    }

    /** Nothing listed: no attachment is downloaded at all. */
    public boolean isEmpty() {
        return names.isEmpty() && subdomainsOf.isEmpty() && addresses.isEmpty();
    }

    /**
     * Whether {@code host}, resolved to {@code resolved}, may be downloaded from: every address listed by address,
     * or an ordinary internet address of a host listed by name. A host with any refused address is refused, so that
     * a connection can only ever be made to an address checked here.
     */
    public boolean permits(String host, List<InetAddress> resolved) {
        if (resolved.isEmpty()) {
            return false;
        }
        boolean nameListed = nameListed(normalised(host));
        for (InetAddress given : resolved) {
            InetAddress address = IpLiteral.canonical(given);
            boolean addressListed = addresses.stream().anyMatch(range -> range.contains(address));
            if (!addressListed && (!nameListed || SpecialAddresses.isSpecial(address))) {
                return false;
            }
        }
        return true;
    }

    private boolean nameListed(String host) {
        return names.contains(host) || subdomainsOf.stream()
                .anyMatch(domain -> host.length() > domain.length() + 1 && host.endsWith("." + domain));
    }

    /** As a URL writes it, with any case, brackets round an IPv6 address or a final dot. */
    private static String normalised(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        bare = bare.toLowerCase(Locale.ROOT);
        return bare.endsWith(".") ? bare.substring(0, bare.length() - 1) : bare;
    }

    private static boolean isHostName(String text) {
        if (text.isEmpty() || text.length() > 253) {
            return false;
        }
        String[] labels = text.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // an all-digit last label is an address written short (127.1), which resolvers read as a number
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    /** One checked entry: exactly one of a host name, a domain whose subdomains are allowed, or an address range. */
    private record Entry(String name, String subdomainsOf, AddressRange range) {
    }
}
