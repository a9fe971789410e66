package io.switchboard.attachments;

/** Why one attempt at a file ended without its content, and whether another attempt could do better. */
final class DownloadFailure extends Exception {
    enum Kind {
        /** The URL, a redirect or an address is not allowed: no request is made, and none ever will be. */
        REFUSED,
        /** Worth another attempt: no answer in time, a reset, a 5xx, 408 or 429. */
        TRANSIENT,
        /** The server's answer will not change: another 4xx, a file over the size limit, too many redirects. */
        PERMANENT,
        /** The engine holds as many downloaded bytes as it may: the same attempt runs again once some are taken. */
        OVER_BUDGET
    }

    private final Kind kind;

    DownloadFailure(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    static DownloadFailure refused() {
        return new DownloadFailure(Kind.REFUSED, AllowedHosts.REFUSED);
    }

    Kind kind() {
        return kind;
    }
}
