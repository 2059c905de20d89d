package io.vigil.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.net.TrustOptions;
import io.vigil.config.ConfigBinder;
import io.vigil.config.ProbeDefinition;
import io.vigil.config.YamlDocument;
import io.vigil.probe.ProbeResult;
import io.vigil.probe.ProbeRunner;
import io.vigil.testsupport.TestCertificates;
import io.vigil.testsupport.TestCertificates.Issued;
import io.vigil.testsupport.TlsTestServer;

/** The http probe over real TLS: certificates are checked against the URL's host name, not the address it resolved to. */
class HttpProbeTlsTest {

    private static final Instant NOW = Instant.now();
    private static Issued root;
    private static HttpClients clients;
    private static HttpProbe probe;

    @BeforeAll
    static void startClients() {
        root = TestCertificates.rootCa("Vigil Test Root");
        clients = new HttpClients();
        clients.vertx = Vertx.vertx();
        clients.create(TrustOptions.wrap(TestCertificates.trustManagerFactory(root.certificate())));
        probe = new HttpProbe();
        probe.clients = clients;
        probe.clock = Clock.systemUTC();
    }

    @AfterAll
    static void stopClients() {
        clients.close();
        clients.vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void httpsToATrustedCertificateSucceedsAndReportsItsExpiry() {
        // Only the name, no IP address: verification against the resolved 127.0.0.1 would fail.
        Issued leaf = TestCertificates.leaf(root, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(5, ChronoUnit.DAYS), "localhost");
        try (TlsTestServer server = TlsTestServer.startHttps(leaf)) {
            ProbeResult result = run("url: https://localhost:" + server.port() + "/health\n");

            assertThat(result.error()).isNull();
            assertThat(result.success()).isTrue();
            assertThat(sample(result, "probe_http_status_code")).hasValue(200);
            assertThat(sample(result, "probe_http_ssl")).hasValue(1);
            assertThat(sample(result, "probe_ssl_earliest_cert_expiry")).hasValue(leaf.notAfterSeconds());
            assertThat(server.requestedServerNames()).containsExactly("localhost");
        }
    }

    @Test
    void certificateForAnotherHostFails() {
        Issued leaf = TestCertificates.leaf(root, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS), "other.example");
        try (TlsTestServer server = TlsTestServer.startHttps(leaf)) {
            ProbeResult result = run("url: https://localhost:" + server.port() + "/\n");

            assertThat(result.success()).isFalse();
            assertThat(result.error())
                    .isEqualTo("TLS handshake with localhost failed: No subject alternative DNS name matching localhost found.");
        }
    }

    @Test
    void insecureSkipVerifyAcceptsACertificateForAnotherHost() {
        Issued leaf = TestCertificates.leaf(root, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS), "other.example");
        try (TlsTestServer server = TlsTestServer.startHttps(leaf)) {
            ProbeResult result = run("url: https://localhost:" + server.port() + "/\ntls_config:\n  insecure_skip_verify: true\n");

            assertThat(result.error()).isNull();
            assertThat(result.success()).isTrue();
            assertThat(sample(result, "probe_http_ssl")).hasValue(1);
            assertThat(sample(result, "probe_ssl_earliest_cert_expiry")).hasValue(leaf.notAfterSeconds());
        }
    }

    private static ProbeResult run(String yaml) {
        HttpSpec spec = ConfigBinder.bind(YamlDocument.parse("vigil.yaml", yaml).rootSection(), HttpSpec.class);
        ProbeDefinition definition = new ProbeDefinition("web", "http", Duration.ofMinutes(1), Duration.ofSeconds(10),
                Map.of(), spec);
        return new ProbeRunner(Clock.systemUTC()).run(probe, definition);
    }

    private static OptionalDouble sample(ProbeResult result, String metric) {
        return result.samples().stream()
                .filter(s -> s.metric().equals(metric) && s.labels().size() == 0)
                .mapToDouble(s -> s.value())
                .findFirst();
    }
}
