package io.switchboard.referrals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Case Xchange's access token, asked for with the client credentials at {@code {url}/oauth/token}, kept until a
 * minute before it expires or until Case Xchange refuses it, then asked for again. No answer or a 5xx is an
 * IOException, retried with the event; refused credentials fail the send naming the variables, never their values.
 */
public final class CaseXchangeTokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MARGIN = Duration.ofMinutes(1);
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(30);

    private final Supplier<CaseXchangeSettings> settings;
    private final HttpClient http;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;
    private int asked;

    public CaseXchangeTokens(Supplier<CaseXchangeSettings> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A token to send with, the one kept while it is good. */
    public synchronized String bearer() throws IOException {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            ask();
        }
        return token;
    }

    /** Case Xchange refused this token (401): the next send asks for a new one. */
    public synchronized void refused(String used) {
        if (used != null && used.equals(token)) {
            token = null;
        }
    }

    /** How many tokens have been asked for, for the status of the job. */
    public synchronized int asked() {
        return asked;
    }

    private void ask() throws IOException {
        CaseXchangeSettings cx = settings.get();
        if (!cx.enabled()) {
            throw new IllegalStateException("the referral send is off (" + ReferralSendOptions.URL.envName()
                    + " is not set); replay this send once it is on");
        }
        String form = "grant_type=client_credentials&client_id=" + encode(cx.clientId()) + "&client_secret="
                + encode(cx.clientSecret().reveal());
        HttpRequest request = HttpRequest.newBuilder(URI.create(cx.base() + "/oauth/token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking Case Xchange for a token", e);
        }
        asked++;
        int status = answer.statusCode();
        if (status == 408 || status == 429 || status >= 500) {
            throw new IOException("Case Xchange's token endpoint answered " + status + "; the send will be retried");
        }
        JsonNode body = parse(answer.body());
        String issued = body.path("access_token").asText("");
        if (status != 200 || issued.isBlank()) {
            String error = body.path("error").asText("");
            throw new IllegalStateException("Case Xchange refused the client credentials (" + status
                    + (error.matches("[A-Za-z0-9_.-]{1,60}") ? " " + error : "") + "): check "
                    + ReferralSendOptions.CLIENT_ID.envName() + " and " + ReferralSendOptions.CLIENT_SECRET.envName());
        }
        long seconds = body.path("expires_in").asLong(DEFAULT_LIFETIME.toSeconds());
        token = issued;
        renewAt = clock.instant().plusSeconds(Math.max(0, seconds - MARGIN.toSeconds()));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
