package io.switchboard.behaviours.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches an attachment's content from its URL, bounded in size and time so that one bad link cannot hold a worker
 * or fill the memory. A server that is down or slow raises an {@link IOException}, which the worker retries; a
 * refusal or an oversized file raises {@link AttachmentUnavailable}, which fails the event.
 */
final class DownloadAttachment {
    /** Salesforce takes base64 file content up to about 37 MB in JSON; chat files are far smaller. */
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** @param what names the file and its message, for errors */
    byte[] download(String url, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new IOException(what + " could not be downloaded from " + url + ": " + describe(e), e);
        }
        try (InputStream body = response.body()) {
            refuseFailedStatus(response.statusCode(), url, what);
            return readWithin(body, deadline, url, what);
        }
    }

    private static void refuseFailedStatus(int status, String url, String what) throws IOException {
        if (status / 100 == 2) {
            return;
        }
        String problem = what + " could not be downloaded from " + url + ": HTTP " + status;
        if (status >= 500 || status == 429 || status == 408) {
            throw new IOException(problem);
        }
        throw new AttachmentUnavailable(problem);
    }

    private static byte[] readWithin(InputStream body, long deadline, String url, String what)
            throws IOException, InterruptedException {
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> readAtMostOneOverLimit(body));
        byte[] content;
        try {
            content = read.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            read.cancel(true);
            throw new IOException(what + " could not be downloaded from " + url + ": not complete within "
                    + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new IOException(what + " could not be downloaded from " + url + ": " + describe(e.getCause()), e);
        }
        if (content.length > MAX_BYTES) {
            throw new AttachmentUnavailable(what + " at " + url + " is larger than the " + MAX_BYTES / (1024 * 1024)
                    + " MB an attachment may have");
        }
        return content;
    }

    private static byte[] readAtMostOneOverLimit(InputStream body) {
        try {
            return body.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
