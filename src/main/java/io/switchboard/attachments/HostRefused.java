package io.switchboard.attachments;

import java.net.UnknownHostException;

/**
 * A host the allowed hosts do not permit. An {@link UnknownHostException} because that is all a DNS resolver may
 * throw; its message is {@link AllowedHosts#REFUSED} and nothing else, whatever refused it.
 */
final class HostRefused extends UnknownHostException {
    HostRefused() {
        super(AllowedHosts.REFUSED);
    }
}
