package io.vigil.probe.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeFailure;
import io.vigil.probe.RetryAfter;

/**
 * GETs JSON from the SaaS APIs business and platform probes read, with the CONTRACT's rules for every one of them:
 * the probe's deadline covers every request and page; 401/403 fail the run saying the credentials were refused; a
 * 429 is retried once after its Retry-After or X-RateLimit-Reset when that fits in the time left; 5xx, timeouts and
 * bodies that are not JSON fail with a reason. Keys travel in headers only: failure reasons name the path, never a
 * header or the query string, so nothing secret reaches a probe's error, a log or the API.
 */
@ApplicationScoped
public class ApiClient {

    /** How much of an error body a failure reason quotes. */
    private static final int QUOTED = 200;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * GETs {@code uri} with {@code headers}; the answer of a 2xx status, or a {@link ProbeFailure} saying what went
     * wrong in words a person can act on.
     *
     * @param service the API's name for reasons, e.g. {@code SendGrid}
     */
    public ApiResponse get(String service, URI uri, Map<String, String> headers, ProbeContext context)
            throws ProbeFailure, InterruptedException {
        HttpResponse<String> response = send(service, uri, headers, context);
        if (response.statusCode() == 429) {
            Optional<Duration> wait = RetryAfter.parse(header(response, "Retry-After"),
                    header(response, "X-RateLimit-Reset"), clock);
            if (wait.isEmpty() || wait.get().compareTo(context.remaining()) >= 0) {
                throw new ProbeFailure(service + " rate limit (HTTP 429) on " + uri.getPath()
                        + wait.map(w -> ": asks to wait " + w.toSeconds() + " s, more than the time left").orElse(""));
            }
            Thread.sleep(wait.get());
            response = send(service, uri, headers, context);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new ProbeFailure(service + " refused the credentials (HTTP " + status + ") on " + uri.getPath()
                    + quote(response.body(), headers));
        }
        if (status < 200 || status > 299) {
            throw new ProbeFailure(service + " answered HTTP " + status + " on " + uri.getPath()
                    + quote(response.body(), headers));
        }
        try {
            JsonNode body = json.readTree(response.body());
            if (body == null || body.isMissingNode()) {
                throw new ProbeFailure(service + " answered an empty body on " + uri.getPath());
            }
            return new ApiResponse(status, response.headers(), body);
        } catch (JacksonException e) {
            throw new ProbeFailure(service + " answered malformed JSON on " + uri.getPath() + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
        }
    }

    private HttpResponse<String> send(String service, URI uri, Map<String, String> headers, ProbeContext context)
            throws ProbeFailure, InterruptedException {
        Duration left = context.remaining();
        if (left.isZero()) {
            throw new ProbeFailure(service + " timed out before " + uri.getPath());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(left).GET()
                .header("Accept", "application/json").header("User-Agent", "Vigil");
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProbeFailure(service + " timed out on " + uri.getPath());
        } catch (IOException e) {
            throw new ProbeFailure(service + " could not be reached on " + uri.getPath() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /**
     * The start of an error body, on one line: APIs say there what was wrong. Some echo the key they were given
     * (partly masked, or not at all): every credential sent is blanked out of it.
     */
    private static String quote(String body, Map<String, String> headers) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        for (String value : headers.values()) {
            String secret = value.replaceFirst("^(?i)(Bearer|Basic|Token)\\s+", "");
            if (secret.length() >= 4) {
                line = line.replace(secret, "[redacted]");
            }
        }
        return ": " + (line.length() > QUOTED ? line.substring(0, QUOTED) + "…" : line);
    }
}
