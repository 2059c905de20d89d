package io.vigil.probe.http;

import java.net.InetAddress;
import java.net.URI;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

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
        HttpClientRequest request = Waiting.await(client.request(options), context, "connecting to " + host);
        long connected = System.nanoTime();
        HttpClientResponse response = Waiting.await(
                body == null ? request.send() : request.send(body), context, "waiting for the response of " + host);
        long firstByte = System.nanoTime();
        Buffer received = Waiting.await(response.body(), context, "reading the body from " + host);
        long done = System.nanoTime();
        HttpConnection connection = request.connection();
        boolean ssl = connection.isSsl();
        List<Certificate> certificates = List.of();
        String protocol = null;
        if (ssl) {
            SSLSession session = connection.sslSession();
            protocol = session == null ? null : session.getProtocol();
            try {
                certificates = connection.peerCertificates();
            } catch (SSLPeerUnverifiedException e) {
                certificates = List.of();
            }
        }
        return new HttpExchange(response.statusCode(), response.headers(), received, ssl, certificates, protocol,
                seconds(resolved - start), seconds(connected - resolved), seconds(firstByte - connected),
                seconds(done - firstByte));
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
