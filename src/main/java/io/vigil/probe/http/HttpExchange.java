package io.vigil.probe.http;

import java.net.InetAddress;
import java.net.URI;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vigil.probe.Connections;
import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeFailure;
import io.vigil.probe.Waiting;

/** One request and its response over a new connection, with the time each phase took. */
record HttpExchange(int status, MultiMap headers, Buffer body, boolean ssl, List<Certificate> peerCertificates,
        String tlsProtocol, double resolveSeconds, double connectSeconds, double processingSeconds,
        double transferSeconds) {

    static final String USER_AGENT = "Vigil-Probe/1.0";

    static HttpExchange perform(HttpClient client, URI url, String method, Map<String, String> headers, String body,
            ProbeContext context) throws Exception {
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        String host = url.getHost();
        long start = System.nanoTime();
        InetAddress address = Connections.lookup(host);
        long resolved = System.nanoTime();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(method))
                .setHost(host)
                .setPort(port)
                .setSsl(https)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setURI(pathAndQuery(url))
                .putHeader("User-Agent", USER_AGENT);
        headers.forEach(options::putHeader);
        // Vert.x's own timeouts end what our wait gives up on, so no connection outlives its run.
        long budget = context.remainingMillis();
        options.setConnectTimeout(budget).setIdleTimeout(budget);
        // Chained on the event loop: a body handler set later, from this thread, could miss data
        // that arrived in between.
        AtomicReference<String> stage = new AtomicReference<>("connecting to " + host);
        AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
        Future<HttpClientRequest> connecting = client.request(options);
        Future<Received> exchange = connecting.compose(request -> {
            inFlight.set(request);
            long connected = System.nanoTime();
            // Read now: with keep-alive off the connection may be closed, its TLS details gone, by the end.
            Tls tls = Tls.of(request.connection());
            stage.set("waiting for the response of " + host);
            return (body == null ? request.send() : request.send(body)).compose(response -> {
                long firstByte = System.nanoTime();
                stage.set("reading the body from " + host);
                return response.body().map(received ->
                        new Received(response, received, tls, connected, firstByte, System.nanoTime()));
            });
        });
        Received done;
        try {
            done = Waiting.await(exchange, context, "the request");
        } catch (ProbeFailure | TimeoutException | ConnectTimeoutException timeout) {
            // Ours or Vert.x's (its connect and idle timeouts), whichever came first.
            abandon(connecting, inFlight);
            throw new ProbeFailure(stage.get() + " timed out");
        } catch (Exception | Error e) {
            abandon(connecting, inFlight);
            throw e;
        }
        HttpClientResponse response = done.response();
        Buffer received = done.body();
        long connected = done.connected();
        long firstByte = done.firstByte();
        long finished = done.finished();
        return new HttpExchange(response.statusCode(), response.headers(), received, done.tls().ssl(),
                done.tls().certificates(), done.tls().protocol(),
                seconds(resolved - start), seconds(connected - resolved), seconds(firstByte - connected),
                seconds(finished - firstByte));
    }

    /** Closes the connection of a request given up on, now or as soon as it is made. */
    private static void abandon(Future<HttpClientRequest> connecting, AtomicReference<HttpClientRequest> inFlight) {
        HttpClientRequest request = inFlight.get();
        if (request != null) {
            request.reset();
        } else {
            connecting.onSuccess(HttpClientRequest::reset);
        }
    }

    private record Received(HttpClientResponse response, Buffer body, Tls tls, long connected, long firstByte,
            long finished) {
    }

    /** What the connection's TLS session showed. */
    private record Tls(boolean ssl, List<Certificate> certificates, String protocol) {

        static Tls of(HttpConnection connection) {
            if (!connection.isSsl()) {
                return new Tls(false, List.of(), null);
            }
            SSLSession session = connection.sslSession();
            List<Certificate> chain;
            try {
                chain = connection.peerCertificates();
            } catch (SSLPeerUnverifiedException e) {
                chain = null;
            }
            return new Tls(true, chain == null ? List.of() : chain, session == null ? null : session.getProtocol());
        }
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
