package io.switchboard.attachments;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The only way a download's connection learns where a host is: it resolves the host, checks every address against
 * the allowed hosts and hands back exactly those it checked, or refuses the host. The connection is then made to a
 * checked address, so a DNS answer that changes between a check and the connection (rebinding) cannot redirect it.
 */
final class CheckedDnsResolver implements DnsResolver {
    private final AllowedHosts allowed;

    CheckedDnsResolver(AllowedHosts allowed) {
        this.allowed = allowed;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        if (!allowed.permits(host, List.of(addresses))) {
            throw new HostRefused();
        }
        return addresses;
    }

    /** Only authentication schemes ask (Kerberos); downloads use none, so the host stays as written. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
