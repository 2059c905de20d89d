package io.vigil.probe.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** Redirects are followed here, not by the client: credentials must not travel to another origin. */
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

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

    /** Sends, following up to {@link #MAX_REDIRECTS} redirects (RDAP's bootstrap is one). */
    private HttpResponse<String> send(String service, URI uri, Map<String, String> headers, ProbeContext context)
            throws ProbeFailure, InterruptedException {
        URI target = uri;
        Map<String, String> sent = headers;
        for (int redirects = 0; ; redirects++) {
            HttpResponse<String> response = sendOnce(service, target, sent, context);
            Optional<String> location = response.headers().firstValue("Location");
            if (!REDIRECTS.contains(response.statusCode()) || location.isEmpty()) {
                return response;
            }
            if (redirects == MAX_REDIRECTS) {
                throw new ProbeFailure(service + " redirected more than " + MAX_REDIRECTS + " times from "
                        + uri.getPath());
            }
            URI next = target.resolve(location.get());
            if (!sameOrigin(target, next)) {
                sent = withoutCredentials(sent);
            }
            target = next;
        }
    }

    private HttpResponse<String> sendOnce(String service, URI uri, Map<String, String> headers, ProbeContext context)
            throws ProbeFailure, InterruptedException {
        Duration left = context.remaining();
        if (left.isZero()) {
            throw new ProbeFailure(service + " timed out before " + uri.getPath());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(left).GET().header("User-Agent", "Vigil");
        if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Accept"))) {
            request.header("Accept", "application/json");
        }
        try {
            headers.forEach(request::header);
        } catch (IllegalArgumentException e) {
            // The JDK quotes the bad value, which is the key: say what to look for, not what it is.
            throw new ProbeFailure(service + ": a request header is not valid; check the key for a line break or"
                    + " stray whitespace");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ProbeFailure(service + " timed out on " + uri.getPath());
        } catch (IOException e) {
            throw new ProbeFailure(service + " could not be reached on " + uri.getPath() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && a.getPort() == b.getPort();
    }

    private static Map<String, String> withoutCredentials(Map<String, String> headers) {
        Map<String, String> kept = new LinkedHashMap<>(headers);
        kept.keySet().removeIf(ApiClient::isCredential);
        return kept;
    }

    private static boolean isCredential(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return name.equals("authorization") || name.contains("key") || name.contains("token");
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
            if (!isCredential(header.getKey())) {
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
