package io.vigil.probe.http;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.TrustOptions;

/**
 * The two HTTP clients all http probes share: one that verifies certificates and host names, one
 * for {@code insecure_skip_verify}. Keep-alive is off, so every request opens a fresh connection
 * and measures what a new visitor meets.
 */
@ApplicationScoped
public class HttpClients {

    /** Far above any sane number of probes in flight: the pool must never queue a probe. */
    private static final int MAX_CONNECTIONS = 20_000;

    @Inject
    Vertx vertx;

    private HttpClient verifying;
    private HttpClient insecure;

    @PostConstruct
    void create() {
        create(null);
    }

    /** {@code trust} replaces the JDK's default trust store for tests that trust a CA of their own; null keeps it. */
    void create(TrustOptions trust) {
        verifying = vertx.createHttpClient(options().setVerifyHost(true).setTrustOptions(trust));
        insecure = vertx.createHttpClient(options().setTrustAll(true).setVerifyHost(false));
    }

    private static HttpClientOptions options() {
        return new HttpClientOptions()
                .setKeepAlive(false)
                .setPipelining(false)
                .setForceSni(true)
                .setMaxPoolSize(MAX_CONNECTIONS)
                .setMaxWaitQueueSize(-1);
    }

    HttpClient client(boolean skipVerify) {
        return skipVerify ? insecure : verifying;
    }

    @PreDestroy
    void close() {
        verifying.close();
        insecure.close();
    }
}
