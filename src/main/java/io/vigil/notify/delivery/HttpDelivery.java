package io.vigil.notify.delivery;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vigil.notify.Secret;
import io.vigil.probe.RetryAfter;

/**
 * One JSON POST to a URL that is itself a credential (a Slack incoming webhook, a webhook with a token), classified
 * as Alertmanager's retrier does: 2xx delivered, 5xx retried, other 4xx permanent, plus Vigil's difference that a 429
 * is retried after its {@code Retry-After}. Nothing it returns names the URL.
 */
public final class HttpDelivery implements AutoCloseable {

    /** Enough of a reply body to say what went wrong; the rest is read and dropped. */
    static final int MAX_BODY = 4096;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final Clock clock;

    public HttpDelivery(Clock clock) {
        // HTTP/1.1 as Alertmanager, which turns HTTP/2 off for its webhook clients.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.clock = clock;
    }

    public DeliveryResult postJson(Secret url, String json, Duration timeout) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url.value())).timeout(timeout)
                    .header("Content-Type", "application/json").header("User-Agent", "Vigil")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        } catch (IllegalArgumentException e) {
            return DeliveryResult.permanent(null, "invalid URL", "clientError");
        }
        CompletableFuture<HttpResponse<String>> sent = client.sendAsync(request,
                info -> BoundedBody.subscriber(MAX_BODY));
        try {
            // The request timeout ends at the response headers; this bounds the body too.
            return classify(sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS), url);
        } catch (TimeoutException e) {
            sent.cancel(true);
            return DeliveryResult.retry(null, "timed out after " + timeout.toMillis() + " ms", "timeout");
        } catch (InterruptedException e) {
            sent.cancel(true);
            Thread.currentThread().interrupt();
            return DeliveryResult.retry(null, "interrupted", "other");
        } catch (ExecutionException e) {
            return failure(e.getCause(), url, timeout);
        }
    }

    private DeliveryResult classify(HttpResponse<String> response, Secret url) {
        int status = response.statusCode();
        // The reply goes to the ledger, which anyone may read; receivers echo the path on a 404, and it is the token.
        String body = withoutUrl(response.body().strip(), url);
        if (status / 100 == 2) {
            return DeliveryResult.delivered(status, body);
        }
        if (status == 429) {
            String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            return DeliveryResult.rateLimited(status, body, RetryAfter.parse(retryAfter, null, clock).orElse(null));
        }
        if (status / 100 == 5) {
            return DeliveryResult.retry(status, body, "serverError");
        }
        return DeliveryResult.permanent(status, body, "clientError");
    }

    private static DeliveryResult failure(Throwable error, Secret url, Duration timeout) {
        if (error instanceof HttpTimeoutException) {
            return DeliveryResult.retry(null, "timed out after " + timeout.toMillis() + " ms", "timeout");
        }
        String what = error instanceof ConnectException ? "connection failed" : error.getClass().getSimpleName();
        String message = error.getMessage() == null ? what : what + ": " + withoutUrl(error.getMessage(), url);
        if (error instanceof IOException) {
            return DeliveryResult.retry(null, message, "network");
        }
        return DeliveryResult.retry(null, message, "other");
    }

    /** An exception message could quote the URL or its path, and the path is the token. */
    static String withoutUrl(String message, Secret url) {
        String scrubbed = message.replace(url.value(), "<url>");
        try {
            URI uri = URI.create(url.value());
            for (String part : new String[] {uri.getRawPath(), uri.getPath(), uri.getRawQuery(), uri.getQuery(),
                    uri.getRawUserInfo(), uri.getUserInfo()}) {
                if (part != null && part.length() > 1) {
                    scrubbed = scrubbed.replace(part, "<url>");
                }
            }
        } catch (IllegalArgumentException e) {
            return "<details withheld>";
        }
        return scrubbed;
    }

    @Override
    public void close() {
        client.close();
    }
}
