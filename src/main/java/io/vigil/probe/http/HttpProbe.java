package io.vigil.probe.http;

import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vigil.probe.Certificates;
import io.vigil.probe.Connections;
import io.vigil.probe.Probe;
import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeFailure;
import io.vigil.probe.ProbeOutcome;
import io.vigil.probe.RetryAfter;

/** blackbox_exporter's http prober: status, redirects, body regexps, auth and certificate expiry. */
@ApplicationScoped
public class HttpProbe implements Probe<HttpSpec> {

    /** Go's http client, which blackbox_exporter uses, gives up after 10 redirects. */
    static final int MAX_REDIRECTS = 10;

    static final String STATUS_CODE = "probe_http_status_code";
    static final String DURATION = "probe_http_duration_seconds";
    static final String CONTENT_LENGTH = "probe_http_content_length";
    static final String BODY_LENGTH = "probe_http_uncompressed_body_length";
    static final String REDIRECTS = "probe_http_redirects";
    static final String SSL = "probe_http_ssl";

    @Inject
    HttpClients clients;

    @Inject
    Clock clock;

    @Override
    public String type() {
        return "http";
    }

    @Override
    public Class<HttpSpec> specType() {
        return HttpSpec.class;
    }

    @Override
    public Set<String> sampleLabels() {
        return Set.of("phase", "version");
    }

    @Override
    public Map<String, String> metrics() {
        return Map.of(
                STATUS_CODE, "The HTTP status code of the final response (0 when none came).",
                DURATION, "Time spent in each phase of the HTTP request, summed over redirects (connect includes the TLS handshake).",
                CONTENT_LENGTH, "The Content-Length of the final response, -1 when not given.",
                BODY_LENGTH, "The number of body bytes read from the final response.",
                REDIRECTS, "How many redirects were followed.",
                SSL, "Whether the final response came over TLS.",
                Certificates.EARLIEST_CERT_EXPIRY, Certificates.EARLIEST_CERT_EXPIRY_HELP,
                Certificates.LAST_CHAIN_EXPIRY, Certificates.LAST_CHAIN_EXPIRY_HELP,
                Certificates.TLS_VERSION_INFO, Certificates.TLS_VERSION_INFO_HELP);
    }

    @Override
    public ProbeOutcome run(HttpSpec spec, ProbeContext context) throws Exception {
        Phases phases = new Phases();
        URI url = spec.url();
        String method = spec.method();
        String body = spec.body();
        boolean sendCredentials = true;
        boolean retriedAfterRateLimit = false;
        int redirects = 0;
        HttpExchange exchange;
        try {
            while (true) {
                exchange = HttpExchange.perform(clients.client(spec.tlsConfig().insecureSkipVerify()), url, method,
                        headers(spec, sendCredentials), body, context);
                phases.add(exchange);
                String location = exchange.headers().get("Location");
                if (isRedirect(exchange.status()) && location != null && !spec.noFollowRedirects()) {
                    if (++redirects > MAX_REDIRECTS) {
                        throw new ProbeFailure("stopped after " + MAX_REDIRECTS + " redirects");
                    }
                    URI next = url.resolve(location);
                    // As browsers and Go do: credentials never follow a redirect to another host.
                    sendCredentials = sendCredentials && Objects.equals(next.getHost(), url.getHost());
                    if (exchange.status() == 303 || (exchange.status() <= 302 && "POST".equals(method))) {
                        method = "GET";
                        body = null;
                    }
                    url = next;
                    continue;
                }
                if (exchange.status() == 429 && !retriedAfterRateLimit && waitForRateLimit(exchange, context)) {
                    retriedAfterRateLimit = true;
                    continue;
                }
                break;
            }
        } catch (ProbeFailure | InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new ProbeFailure(describe(url.getHost(), e));
        } finally {
            phases.record(context);
            context.sample(REDIRECTS, redirects);
        }
        return judge(spec, exchange, context);
    }

    private ProbeOutcome judge(HttpSpec spec, HttpExchange exchange, ProbeContext context) {
        context.sample(STATUS_CODE, exchange.status());
        String contentLength = exchange.headers().get("Content-Length");
        context.sample(CONTENT_LENGTH, contentLength == null ? -1 : parseOr(contentLength, -1));
        context.sample(BODY_LENGTH, exchange.body().length());
        context.sample(SSL, exchange.ssl() ? 1 : 0);
        if (exchange.ssl()) {
            Certificates.record(context, exchange.peerCertificates(), exchange.tlsProtocol());
        }
        int status = exchange.status();
        if (status == 401 || status == 403) {
            return ProbeOutcome.failed("the credentials were refused (HTTP " + status + ")");
        }
        if (!spec.isValidStatus(status)) {
            return ProbeOutcome.failed("HTTP status " + status + " is not a valid status code ("
                    + (spec.validStatusCodes().isEmpty() ? "2xx" : spec.validStatusCodes()) + ")");
        }
        String text = exchange.body().toString(StandardCharsets.UTF_8);
        for (Pattern pattern : spec.failIfBodyMatchesRegexp()) {
            if (pattern.matcher(text).find()) {
                return ProbeOutcome.failed("body matched fail_if_body_matches_regexp \"" + pattern.pattern() + "\"");
            }
        }
        for (Pattern pattern : spec.failIfBodyNotMatchesRegexp()) {
            if (!pattern.matcher(text).find()) {
                return ProbeOutcome.failed("body did not match fail_if_body_not_matches_regexp \"" + pattern.pattern() + "\"");
            }
        }
        return ProbeOutcome.succeeded();
    }

    /** Waits the advertised delay when it fits in the time left; false when it does not. */
    private boolean waitForRateLimit(HttpExchange exchange, ProbeContext context) throws InterruptedException {
        Optional<Duration> wait = RetryAfter.parse(exchange.headers().get("Retry-After"),
                exchange.headers().get("X-RateLimit-Reset"), clock);
        if (wait.isEmpty() || wait.get().compareTo(context.remaining()) >= 0) {
            return false;
        }
        Thread.sleep(wait.get());
        return true;
    }

    private static Map<String, String> headers(HttpSpec spec, boolean withCredentials) {
        Map<String, String> headers = new LinkedHashMap<>(spec.headers());
        if (withCredentials && spec.basicAuth() != null) {
            String pair = spec.basicAuth().username() + ":" + spec.basicAuth().password();
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else if (withCredentials && spec.bearerToken() != null) {
            headers.put("Authorization", "Bearer " + spec.bearerToken());
        } else if (!withCredentials) {
            headers.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization"));
        }
        return headers;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static long parseOr(String text, long fallback) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A reason for a transport failure that names the host and never the full URL (it may hold a token). */
    static String describe(String host, Throwable error) {
        if (error instanceof ProbeFailure) {
            return error.getMessage();
        }
        if (error instanceof ConnectException) {
            return "connection to " + host + " refused";
        }
        if (error instanceof SSLException) {
            return "TLS handshake with " + host + " failed: " + innermostMessage(error);
        }
        return "request to " + host + " failed: " + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
    }

    /** Vert.x wraps the JDK's reason ("No subject alternative DNS name matching ...") in a generic "Failed to create SSL connection". */
    private static String innermostMessage(Throwable error) {
        String message = error.getMessage();
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message == null ? error.getClass().getSimpleName() : message;
    }
}
