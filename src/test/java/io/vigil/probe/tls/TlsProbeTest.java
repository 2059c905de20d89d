package io.vigil.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vigil.config.ConfigBinder;
import io.vigil.config.ConfigException;
import io.vigil.config.ProbeDefinition;
import io.vigil.config.YamlDocument;
import io.vigil.probe.ProbeResult;
import io.vigil.probe.ProbeRunner;
import io.vigil.probe.TlsConfig;
import io.vigil.sample.Labels;
import io.vigil.testsupport.TestCertificates;
import io.vigil.testsupport.TestCertificates.Issued;
import io.vigil.testsupport.TlsTestServer;

class TlsProbeTest {

    private static final Instant NOW = Instant.now();
    private static Issued root;
    private static TlsProbe probe;

    @BeforeAll
    static void trustTestRoot() {
        root = TestCertificates.rootCa("Vigil Test Root");
        probe = new TlsProbe(TestCertificates.trustManager(root.certificate()));
    }

    @Test
    void validCertificateSucceedsAndReportsItsExpiry() {
        Issued leaf = TestCertificates.leaf(root, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(5, ChronoUnit.DAYS), "localhost");
        try (TlsTestServer server = TlsTestServer.start(leaf)) {
            ProbeResult result = run(probe, new TlsSpec("localhost", server.port(), null, null));

            assertThat(result.error()).isNull();
            assertThat(result.success()).isTrue();
            assertThat(sample(result, "probe_ssl_earliest_cert_expiry")).hasValue(leaf.notAfterSeconds());
            assertThat(sample(result, "probe_ssl_last_chain_expiry_timestamp_seconds")).hasValue(leaf.notAfterSeconds());
            assertThat(sample(result, "probe_tls_version_info", Labels.of("version", "TLS 1.3"))).hasValue(1);
            assertThat(server.requestedServerNames()).containsExactly("localhost");
        }
    }

    @Test
    void expiredCertificateFailsSayingWhenItExpiredAndStillReportsItsExpiry() {
        Issued leaf = TestCertificates.leaf(root, NOW.minus(30, ChronoUnit.DAYS), NOW.minus(2, ChronoUnit.DAYS), "localhost");
        try (TlsTestServer server = TlsTestServer.start(leaf)) {
            ProbeResult result = run(probe, new TlsSpec("127.0.0.1", server.port(), "localhost", null));

            assertThat(result.success()).isFalse();
            assertThat(result.error()).isEqualTo(
                    "certificate for localhost expired at " + leaf.certificate().getNotAfter().toInstant());
            assertThat(sample(result, "probe_ssl_earliest_cert_expiry")).hasValue(leaf.notAfterSeconds());
            assertThat(sample(result, "probe_success")).hasValue(0);
        }
    }

    @Test
    void certificateForAnotherHostFailsNamingTheHost() {
        Issued leaf = TestCertificates.leaf(root, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(90, ChronoUnit.DAYS), "localhost");
        try (TlsTestServer server = TlsTestServer.start(leaf)) {
            ProbeResult result = run(probe, new TlsSpec("127.0.0.1", server.port(), "wrong.example", null));

            assertThat(result.success()).isFalse();
            assertThat(result.error()).isEqualTo("certificate does not match host name wrong.example (it is for localhost)");
            assertThat(sample(result, "probe_ssl_earliest_cert_expiry")).hasValue(leaf.notAfterSeconds());
            assertThat(server.requestedServerNames()).containsExactly("wrong.example");
        }
    }

    @Test
    void hostNameIsCheckedAgainstServerNameNotTheAddress() {
        Issued leaf = TestCertificates.leaf(root, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(90, ChronoUnit.DAYS), "127.0.0.1");
        try (TlsTestServer server = TlsTestServer.start(leaf)) {
            ProbeResult result = run(probe, new TlsSpec("127.0.0.1", server.port(), "localhost", null));

            assertThat(result.success()).isFalse();
            assertThat(result.error()).startsWith("certificate does not match host name localhost");
        }
    }

    @Test
    void intermediateExpiringBeforeTheLeafIsTheEarliestExpiry() {
        Issued intermediate = TestCertificates.ca("Vigil Test Intermediate", root, NOW.minus(1, ChronoUnit.DAYS),
                NOW.plus(3, ChronoUnit.DAYS));
        Issued leaf = TestCertificates.leaf(intermediate, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS),
                "localhost");
        try (TlsTestServer server = TlsTestServer.start(leaf)) {
            ProbeResult result = run(probe, new TlsSpec("127.0.0.1", server.port(), "localhost", null));

            assertThat(result.error()).isNull();
            assertThat(result.success()).isTrue();
            assertThat(sample(result, "probe_ssl_earliest_cert_expiry")).hasValue(intermediate.notAfterSeconds());
        }
    }

    @Test
    void expiredIntermediateIsNamedInTheReason() {
        Issued intermediate = TestCertificates.ca("Vigil Test Intermediate", root, NOW.minus(10, ChronoUnit.DAYS),
                NOW.minus(1, ChronoUnit.DAYS));
        Issued leaf = TestCertificates.leaf(intermediate, NOW.minus(5, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS),
                "localhost");
        try (TlsTestServer server = TlsTestServer.start(leaf)) {
            ProbeResult result = run(probe, new TlsSpec("127.0.0.1", server.port(), "localhost", null));

            assertThat(result.success()).isFalse();
            assertThat(result.error()).isEqualTo("certificate \"CN=Vigil Test Intermediate\" in the chain expired at "
                    + intermediate.certificate().getNotAfter().toInstant());
            assertThat(sample(result, "probe_ssl_earliest_cert_expiry")).hasValue(intermediate.notAfterSeconds());
        }
    }

    @Test
    void insecureSkipVerifyAcceptsAnExpiredCertificateAndReportsItsExpiry() {
        Issued leaf = TestCertificates.leaf(root, NOW.minus(30, ChronoUnit.DAYS), NOW.minus(2, ChronoUnit.DAYS), "localhost");
        try (TlsTestServer server = TlsTestServer.start(leaf)) {
            ProbeResult result = run(probe, new TlsSpec("127.0.0.1", server.port(), "wrong.example", new TlsConfig(true)));

            assertThat(result.error()).isNull();
            assertThat(result.success()).isTrue();
            assertThat(sample(result, "probe_ssl_earliest_cert_expiry")).hasValue(leaf.notAfterSeconds());
        }
    }

    @Test
    void chainFromAnUnknownCaIsNotTrusted() {
        Issued stranger = TestCertificates.rootCa("Stranger Root");
        Issued leaf = TestCertificates.leaf(stranger, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS), "localhost");
        try (TlsTestServer server = TlsTestServer.start(leaf)) {
            ProbeResult result = run(probe, new TlsSpec("127.0.0.1", server.port(), "localhost", null));

            assertThat(result.success()).isFalse();
            assertThat(result.error()).isEqualTo("certificate chain not trusted: its issuer \"CN=Stranger Root\" is not"
                    + " a trusted CA (or the server does not send the intermediate certificate)");
            assertThat(sample(result, "probe_ssl_earliest_cert_expiry")).hasValue(leaf.notAfterSeconds());
        }
    }

    @Test
    void selfSignedCertificateIsNotTrusted() {
        Issued selfSigned = TestCertificates.ca("localhost", null, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS));
        try (TlsTestServer server = TlsTestServer.start(selfSigned)) {
            ProbeResult result = run(probe, new TlsSpec("127.0.0.1", server.port(), "localhost", null));

            assertThat(result.success()).isFalse();
            assertThat(result.error()).isEqualTo("certificate chain not trusted: \"CN=localhost\" is self-signed");
        }
    }

    @Test
    void productionWiringTrustsTheJdkStoreWhichKnowsNoTestCa() {
        Issued leaf = TestCertificates.leaf(root, NOW.minus(1, ChronoUnit.DAYS), NOW.plus(30, ChronoUnit.DAYS), "localhost");
        try (TlsTestServer server = TlsTestServer.start(leaf)) {
            ProbeResult result = run(new TlsProbe(), new TlsSpec("127.0.0.1", server.port(), "localhost", null));

            assertThat(result.success()).isFalse();
            assertThat(result.error()).startsWith("certificate chain not trusted: ");
        }
    }

    @Test
    void refusedPortFails() throws IOException {
        int port;
        try (ServerSocket unused = new ServerSocket()) {
            unused.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            port = unused.getLocalPort();
        }
        ProbeResult result = run(probe, new TlsSpec("127.0.0.1", port, null, null));

        assertThat(result.success()).isFalse();
        assertThat(result.error()).isEqualTo("connection to 127.0.0.1:" + port + " refused");
    }

    @Test
    void serverThatNeverAnswersTheHandshakeTimesOut() throws IOException {
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            ProbeDefinition definition = new ProbeDefinition("site", "tls", Duration.ofMinutes(1), Duration.ofMillis(300),
                    Map.of(), new TlsSpec("127.0.0.1", silent.getLocalPort(), "localhost", null));

            ProbeResult result = new ProbeRunner(Clock.systemUTC()).run(probe, definition);

            assertThat(result.success()).isFalse();
            assertThat(result.error()).contains("timed out");
        }
    }

    @Test
    void specDefaultsFollowBlackboxExporter() {
        TlsSpec spec = bind("host: example.com\n");

        assertThat(spec.port()).isEqualTo(443);
        assertThat(spec.serverName()).isEqualTo("example.com");
        assertThat(spec.tlsConfig().insecureSkipVerify()).isFalse();
    }

    @Test
    void specBindsAllItsKeys() {
        TlsSpec spec = bind("host: 10.0.0.5\nport: 8443\nserver_name: example.com\ntls_config:\n  insecure_skip_verify: true\n");

        assertThat(spec).isEqualTo(new TlsSpec("10.0.0.5", 8443, "example.com", new TlsConfig(true)));
    }

    @Test
    void specWithoutHostIsRejected() {
        assertThatThrownBy(() -> bind("port: 443\n"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.problem()).isEqualTo("host: missing required key \"host\""));
    }

    @Test
    void specWithABadPortIsRejectedAtItsLine() {
        assertThatThrownBy(() -> bind("host: example.com\nport: 70000\n"))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problem()).isEqualTo("port: must be between 1 and 65535, got 70000");
                    assertThat(e.line()).isEqualTo(2);
                });
    }

    @Test
    void specWithThePortInTheHostIsRejected() {
        assertThatThrownBy(() -> bind("host: example.com:443\n"))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.problem()).startsWith("host: must not carry a port"));
    }

    private static TlsSpec bind(String yaml) {
        return ConfigBinder.bind(YamlDocument.parse("vigil.yaml", yaml).rootSection(), TlsSpec.class);
    }

    private static ProbeResult run(TlsProbe tls, TlsSpec spec) {
        ProbeDefinition definition = new ProbeDefinition("site", "tls", Duration.ofMinutes(1), Duration.ofSeconds(10),
                Map.of(), spec);
        return new ProbeRunner(Clock.systemUTC()).run(tls, definition);
    }

    private static OptionalDouble sample(ProbeResult result, String metric) {
        return sample(result, metric, Labels.EMPTY);
    }

    private static OptionalDouble sample(ProbeResult result, String metric, Labels labels) {
        return result.samples().stream()
                .filter(s -> s.metric().equals(metric) && s.labels().equals(labels))
                .mapToDouble(s -> s.value())
                .findFirst();
    }
}
