package io.vigil.probe.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

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
 * 429 is retried once after its Retry-After or X-RateLimit-Reset (1 s when it gives neither, as Stripe does) when
 * that fits in the time left; other statuses fail as an {@link ApiStatusFailure}; 5xx, timeouts and
 * bodies that are not JSON fail with a reason. Keys travel in headers only: failure reasons name the path, never a
 * header or the query string, so nothing secret reaches a probe's error, a log or the API.
 */
@ApplicationScoped
public class ApiClient {

    /** How long to wait before the one retry of a 429 that advertises no delay. */
    private static final Duration UNADVERTISED_WAIT = Duration.ofSeconds(1);
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
            // Stripe advertises no delay and asks for a backoff: a short one then, if it fits.
            Duration wait = RetryAfter.parse(header(response, "Retry-After"), header(response, "X-RateLimit-Reset"),
                    clock).orElse(UNADVERTISED_WAIT);
            if (wait.compareTo(context.remaining()) >= 0) {
                throw new ApiStatusFailure(429, service + " rate limit (HTTP 429) on " + path(response)
                        + ": asks to wait " + wait.toSeconds() + " s, more than the time left");
            }
            Thread.sleep(wait);
            response = send(service, uri, headers, context);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            String refused = headers.keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Authorization"))
                    ? " refused the credentials" : " refused access";
            throw new ApiStatusFailure(status, service + refused + " (HTTP " + status + ") on " + path(response)
                    + quote(response.body(), headers));
        }
        if (status < 200 || status > 299) {
            throw new ApiStatusFailure(status, service + " answered HTTP " + status + " on " + path(response)
                    + quote(response.body(), headers));
        }
        try {
            JsonNode body = json.readTree(response.body());
            if (body == null || body.isMissingNode()) {
                throw new ProbeFailure(service + " answered an empty body on " + path(response));
            }
            return new ApiResponse(status, response.headers(), body);
        } catch (JacksonException e) {
            throw new ProbeFailure(service + " answered malformed JSON on " + path(response) + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
        }
    }

    private HttpResponse<String> send(String service, URI uri, Map<String, String> headers, ProbeContext context)
            throws ProbeFailure, InterruptedException {
        Duration left = context.remaining();
        if (left.isZero()) {
            throw new ProbeFailure(service + " timed out before " + uri.getPath());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(left).GET().header("User-Agent", "Vigil");
        if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Accept"))) {
            request.header("Accept", "application/json");
        }
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

    /** The path that answered: after a redirect (RDAP's bootstrap), the registry's, not the one asked. */
    private static String path(HttpResponse<?> response) {
        return response.uri().getPath();
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
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!name.equals("authorization") && !name.contains("key") && !name.contains("token")) {
                continue;
            }
            String secret = header.getValue().replaceFirst("^(?i)(Bearer|Basic|Token)\\s+", "");
            if (secret.length() >= 4) {
                line = line.replace(secret, "[redacted]");
            }
        }
        return ": " + (line.length() > QUOTED ? line.substring(0, QUOTED) + "…" : line);
    }
}
