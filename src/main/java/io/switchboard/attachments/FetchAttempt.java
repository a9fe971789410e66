package io.switchboard.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * One attempt at one attachment, run on a download thread: GET the URL and follow up to {@link #MAX_REDIRECTS}
 * redirects by hand, checking each hop's URL (http or https, no user-info) before it is requested and each hop's
 * host and addresses when it is connected ({@link CheckedDnsResolver}). The client follows no redirect, uses no
 * proxy, keeps no connection and retries nothing itself. At its timeout the attempt is cut off from the timer's
 * thread, whatever it is doing, so a body sent one byte a second counts against the same time as a slow connection.
 */
final class FetchAttempt {
    /** Salesforce takes base64 file content up to about 37 MB in JSON; chat files are far smaller. */
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_REDIRECTS = 5;
    private static final int CHUNK = 16 * 1024;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final URI url;
    private final AllowedHosts allowed;
    private final Duration timeout;
    private final ByteBudget budget;
    private final ScheduledExecutorService timer;
    private volatile HttpGet current;
    private volatile boolean cutOff;

    FetchAttempt(URI url, AllowedHosts allowed, Duration timeout, ByteBudget budget, ScheduledExecutorService timer) {
        this.url = url;
        this.allowed = allowed;
        this.timeout = timeout;
        this.budget = budget;
        this.timer = timer;
    }

    /**
     * The file's content, whose bytes stay taken from the budget until the caller gives them back; on failure
     * the attempt gives back all it took.
     */
    byte[] run() throws DownloadFailure {
        CloseableHttpClient client = client();
        ScheduledFuture<?> deadline = timer.schedule(this::cutOff, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            URI hop = url;
            for (int redirects = 0; ; redirects++) {
                if (!mayRequest(hop)) {
                    throw DownloadFailure.refused();
                }
                Answer answer = request(client, hop);
                if (answer.content() != null) {
                    return answer.content();
                }
                if (redirects == MAX_REDIRECTS) {
                    throw new DownloadFailure(DownloadFailure.Kind.PERMANENT, "more than " + MAX_REDIRECTS + " redirects");
                }
                hop = answer.redirect();
            }
        } catch (IOException e) {
            throw failureOf(e);
        } finally {
            deadline.cancel(false);
            current = null;
            client.close(CloseMode.IMMEDIATE);
        }
    }

    /**
     * Ends the attempt now, at its deadline or because its file is no longer wanted: the connection is closed under
     * whatever it is doing, and the attempt fails as timed out.
     */
    void cutOff() {
        cutOff = true;
        HttpGet get = current;
        if (get != null) {
            get.cancel();
        }
    }

    /** One hop's answer: the content, or where it redirects. */
    private record Answer(byte[] content, URI redirect) {
    }

    private Answer request(CloseableHttpClient client, URI hop) throws IOException, DownloadFailure {
        HttpGet get = new HttpGet(hop);
        current = get;
        if (cutOff) {
            throw timedOut();
        }
        ClassicHttpResponse response = client.executeOpen(null, get, null);
        try {
            int status = response.getCode();
            if (REDIRECTS.contains(status)) {
                return new Answer(null, location(response, hop, status));
            }
            refuseFailedStatus(status);
            return new Answer(read(response.getEntity()), null);
        } finally {
            // closing a body not read to its end would read the rest first: cut the connection before
            get.cancel();
            closeCut(response);
        }
    }

    /** Closing what was just cut can only fail on the closed socket; that must not hide why the attempt ended. */
    private static void closeCut(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException alreadyCut) {
            // nothing more to release
        }
    }

    private static URI location(ClassicHttpResponse response, URI hop, int status) throws DownloadFailure {
        Header location = response.getFirstHeader("Location");
        if (location == null) {
            throw new DownloadFailure(DownloadFailure.Kind.PERMANENT, "HTTP " + status + " without a Location");
        }
        try {
            return hop.resolve(new URI(location.getValue()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw DownloadFailure.refused();
        }
    }

    private static void refuseFailedStatus(int status) throws DownloadFailure {
        if (status / 100 == 2) {
            return;
        }
        boolean transientStatus = status >= 500 || status == 429 || status == 408;
        throw new DownloadFailure(transientStatus ? DownloadFailure.Kind.TRANSIENT : DownloadFailure.Kind.PERMANENT,
                "HTTP " + status);
    }

    private byte[] read(HttpEntity entity) throws IOException, DownloadFailure {
        if (entity == null) {
            return new byte[0];
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        long taken = 0;
        boolean kept = false;
        try (InputStream body = entity.getContent()) {
            byte[] chunk = new byte[CHUNK];
            for (int read = body.read(chunk); read >= 0; read = body.read(chunk)) {
                if (cutOff) {
                    throw timedOut();
                }
                if (content.size() + read > MAX_BYTES) {
                    throw new DownloadFailure(DownloadFailure.Kind.PERMANENT,
                            "larger than the " + MAX_BYTES / (1024 * 1024) + " MB an attachment may have");
                }
                if (!budget.take(read)) {
                    throw new DownloadFailure(DownloadFailure.Kind.OVER_BUDGET, "too many downloaded files held");
                }
                taken += read;
                content.write(chunk, 0, read);
            }
            kept = true;
            return content.toByteArray();
        } finally {
            if (!kept) {
                budget.giveBack(taken);
            }
        }
    }

    private DownloadFailure failureOf(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HostRefused) {
                return DownloadFailure.refused();
            }
        }
        // the socket's own timeouts are the attempt's too, and may run out just before the deadline does
        if (cutOff || e instanceof InterruptedIOException) {
            return timedOut();
        }
        return new DownloadFailure(DownloadFailure.Kind.TRANSIENT,
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private DownloadFailure timedOut() {
        return new DownloadFailure(DownloadFailure.Kind.TRANSIENT, "not complete within " + seconds(timeout));
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static boolean mayRequest(URI hop) {
        return hop.getScheme() != null && SCHEMES.contains(hop.getScheme().toLowerCase(Locale.ROOT))
                && hop.getRawUserInfo() == null && hop.getHost() != null;
    }

    /**
     * Connections straight to the checked address. A plain {@code new Socket()} would go through a SOCKS proxy
     * named by the JVM's {@code socksProxyHost} or system proxy settings, from wherever that proxy stands; these
     * sockets never do. (HttpClient marks this hook internal: it is the only way to choose the socket, and the
     * version is pinned in the pom.)
     */
    private static final class DirectConnections extends PoolingHttpClientConnectionManagerBuilder {
        @Override
        protected HttpClientConnectionOperator createConnectionOperator(SchemePortResolver schemePortResolver,
                                                                        DnsResolver dnsResolver,
                                                                        TlsSocketStrategy tlsSocketStrategy) {
            return new DefaultHttpClientConnectionOperator(socksProxy -> new Socket(Proxy.NO_PROXY), schemePortResolver,
                    dnsResolver, RegistryBuilder.<TlsSocketStrategy>create()
                    .register(URIScheme.HTTPS.id, tlsSocketStrategy).build());
        }
    }

    private CloseableHttpClient client() {
        Timeout limit = Timeout.of(timeout);
        return HttpClients.custom()
                .setConnectionManager(new DirectConnections()
                        .setDnsResolver(new CheckedDnsResolver(allowed))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit)
                                .setSocketTimeout(limit).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setRedirectsEnabled(false).setResponseTimeout(limit)
                        .setConnectionRequestTimeout(limit).build())
                .setRoutePlanner(new DefaultRoutePlanner(DefaultSchemePortResolver.INSTANCE))
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setConnectionReuseStrategy((request, response, context) -> false)
                .build();
    }
}
