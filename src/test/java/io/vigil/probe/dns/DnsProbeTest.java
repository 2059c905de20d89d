package io.vigil.probe.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.netty.handler.codec.dns.DnsResponseCode;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.dns.AddressResolverOptions;
import io.vigil.config.ConfigBinder;
import io.vigil.config.ConfigException;
import io.vigil.config.InvalidKeyException;
import io.vigil.config.YamlDocument;
import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeOutcome;
import io.vigil.sample.Sample;
import io.vigil.testsupport.TestDnsServer;

class DnsProbeTest {

    private static Vertx vertx;
    private static DnsProbe probe;

    private TestDnsServer server;
    private ProbeContext context;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
        probe = new DnsProbe(vertx);
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void startServer() throws InterruptedException {
        server = new TestDnsServer()
                .a("www.example.test", "192.0.2.10", "192.0.2.11")
                .aaaa("www.example.test", "2001:db8::1")
                .cname("alias.example.test", "www.example.test")
                .mx("example.test", 10, "mail1.example.test")
                .mx("example.test", 20, "mail2.example.test")
                .txt("example.test", "v=spf1 -all")
                .ns("example.test", "ns1.example.test", "ns2.example.test", "ns3.example.test")
                .respond("broken.example.test", DnsResponseCode.SERVFAIL);
        context = new ProbeContext("dns-test", Duration.ofSeconds(2));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void eachQueryTypeSucceedsAndCountsItsAnswers() throws Exception {
        Map<String, Double> expected = Map.of("A", 2.0, "AAAA", 1.0, "CNAME", 1.0, "MX", 2.0, "TXT", 1.0, "NS", 3.0);
        Map<String, String> names = Map.of("A", "www.example.test", "AAAA", "www.example.test",
                "CNAME", "alias.example.test", "MX", "example.test", "TXT", "example.test", "NS", "example.test");
        for (String type : expected.keySet()) {
            ProbeContext run = new ProbeContext("dns-" + type, Duration.ofSeconds(2));
            ProbeOutcome outcome = probe.run(spec(names.get(type), type), run);

            assertThat(outcome.success()).as(type).isTrue();
            assertThat(outcome.error()).as(type).isNull();
            assertThat(value(run, "probe_dns_answer_rrs")).as(type).isEqualTo(expected.get(type));
            assertThat(value(run, "probe_dns_lookup_time_seconds")).as(type).isBetween(0.0, 2.0);
        }
        assertThat(server.questions()).contains("MX example.test.", "NS example.test.", "AAAA www.example.test.");
    }

    @Test
    void queryTypeDefaultsToAAndIgnoresCase() throws Exception {
        assertThat(new DnsSpec("www.example.test", null, null, null).queryType()).isEqualTo("A");
        assertThat(new DnsSpec("www.example.test", "mx", null, null).queryType()).isEqualTo("MX");

        ProbeOutcome outcome = probe.run(new DnsSpec("www.example.test", null, server.address(), null), context);

        assertThat(outcome.success()).isTrue();
        assertThat(server.questions()).containsExactly("A www.example.test.");
    }

    @Test
    void validAnswersThatAllMatchSucceed() throws Exception {
        assertThat(run("www.example.test", "A", "^192\\.0\\.2\\.11$", "192\\.0\\.2\\.10").success()).isTrue();
        assertThat(run("www.example.test", "AAAA", "^2001:db8::1$").success()).isTrue();
        assertThat(run("alias.example.test", "CNAME", "^www\\.example\\.test$").success()).isTrue();
        assertThat(run("example.test", "MX", "^20 mail2\\.example\\.test$").success()).isTrue();
        assertThat(run("example.test", "TXT", "^v=spf1 ").success()).isTrue();
        assertThat(run("example.test", "NS", "ns3").success()).isTrue();
    }

    @Test
    void aValidAnswerThatMatchesNothingFailsNamingItAndTheAnswers() throws Exception {
        ProbeOutcome outcome = run("www.example.test", "A", "^192\\.0\\.2\\.", "^10\\.");

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.error()).isEqualTo(
                "no answer matches valid_answers regexp \"^10\\.\" (answers: 192.0.2.10, 192.0.2.11)");
        assertThat(value(context, "probe_dns_answer_rrs")).isEqualTo(2.0);
    }

    @Test
    void anUnknownNameIsNxdomain() throws Exception {
        ProbeOutcome outcome = run("nope.example.test", "A");

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.error()).isEqualTo("no such domain: nope.example.test (NXDOMAIN)");
        assertThat(value(context, "probe_dns_lookup_time_seconds")).isBetween(0.0, 2.0);
        assertThat(samples(context)).doesNotContainKey("probe_dns_answer_rrs");
    }

    @Test
    void aServerFailureIsReported() throws Exception {
        ProbeOutcome outcome = run("broken.example.test", "A");

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.error()).isEqualTo("resolver " + server.address() + " failed to resolve broken.example.test (SERVFAIL)");
    }

    @Test
    void aKnownNameWithoutRecordsOfTheTypeFails() throws Exception {
        ProbeOutcome outcome = run("alias.example.test", "TXT");

        assertThat(outcome.success()).isFalse();
        assertThat(outcome.error()).isEqualTo("no TXT records for alias.example.test (NOERROR, empty answer)");
        assertThat(value(context, "probe_dns_answer_rrs")).isZero();
    }

    @Test
    void aSilentServerTimesOutWithinTheProbeTimeout() throws Exception {
        server.silent(true);
        context = new ProbeContext("dns-test", Duration.ofMillis(500));
        long start = System.nanoTime();

        ProbeOutcome outcome = run("www.example.test", "A");

        // Well before the 2s a Vert.x default would take; the probe gives up just ahead of its deadline.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(outcome.success()).isFalse();
        assertThat(outcome.error()).isEqualTo("resolver " + server.address() + " did not answer within 500ms");
        assertThat(value(context, "probe_dns_lookup_time_seconds")).isBetween(0.3, 1.0);
        assertThat(server.queries()).isEqualTo(1);
    }

    @Test
    void withoutResolverTheNameServersOfVertxAreAsked() throws Exception {
        // Vert.x takes these from /etc/resolv.conf unless told otherwise, as here.
        Vertx own = Vertx.vertx(new VertxOptions().setAddressResolverOptions(
                new AddressResolverOptions().setServers(List.of(server.address()))));
        try {
            ProbeOutcome outcome = new DnsProbe(own).run(new DnsSpec("www.example.test", "A", null, null), context);

            assertThat(outcome.success()).isTrue();
            assertThat(server.questions()).containsExactly("A www.example.test.");
        } finally {
            own.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void theSystemResolverIsNamedInFailures() throws Exception {
        Vertx own = Vertx.vertx(new VertxOptions().setAddressResolverOptions(
                new AddressResolverOptions().setServers(List.of(server.address()))));
        try {
            ProbeOutcome outcome = new DnsProbe(own).run(new DnsSpec("broken.example.test", "A", null, null), context);

            assertThat(outcome.error()).isEqualTo("the system resolver failed to resolve broken.example.test (SERVFAIL)");
        } finally {
            own.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    @Test
    void specRejectsAnUnknownQueryTypeListingTheAllowedOnes() {
        assertThatThrownBy(() -> new DnsSpec("example.test", "SRV", null, null))
                .isInstanceOfSatisfying(InvalidKeyException.class, e -> assertThat(e.key()).isEqualTo("query_type"))
                .hasMessage("unsupported query_type \"SRV\" (allowed: A, AAAA, CNAME, MX, TXT, NS)");
    }

    @Test
    void specRequiresQueryName() {
        assertThatThrownBy(() -> new DnsSpec(null, "A", null, null))
                .isInstanceOfSatisfying(InvalidKeyException.class, e -> assertThat(e.key()).isEqualTo("query_name"))
                .hasMessage("missing required key \"query_name\"");
        assertThatThrownBy(() -> new DnsSpec("  ", "A", null, null)).isInstanceOf(InvalidKeyException.class);
    }

    @Test
    void specReadsResolverAddresses() {
        assertThat(new DnsSpec("x.test", null, "192.0.2.53", null).resolverAddress()).isEqualTo(new Resolver("192.0.2.53", 53));
        assertThat(new DnsSpec("x.test", null, "ns.example.test:5353", null).resolverAddress())
                .isEqualTo(new Resolver("ns.example.test", 5353));
        assertThat(new DnsSpec("x.test", null, "[2001:db8::53]:5353", null).resolver()).isEqualTo("[2001:db8::53]:5353");
        assertThat(new DnsSpec("x.test", null, "[::1]", null).resolverAddress()).isEqualTo(new Resolver("::1", 53));
        assertThat(new DnsSpec("x.test", null, null, null).resolverAddress()).isNull();
    }

    @Test
    void specRejectsBadResolvers() {
        Map<String, String> bad = Map.of(
                "ns.example.test:dns", "the port must be a number between 1 and 65535, got \"dns\"",
                "ns.example.test:70000", "the port must be a number between 1 and 65535, got \"70000\"",
                "2001:db8::53", "write an IPv6 address in brackets, e.g. [2001:db8::1]:53",
                "[2001:db8::53", "missing \"]\" after the IPv6 address",
                ":53", "the host is missing");
        bad.forEach((resolver, problem) -> assertThatThrownBy(() -> new DnsSpec("x.test", null, resolver, null))
                .as(resolver)
                .isInstanceOfSatisfying(InvalidKeyException.class, e -> assertThat(e.key()).isEqualTo("resolver"))
                .hasMessage("cannot read \"" + resolver + "\" as host:port: " + problem));
    }

    @Test
    void bindingFromYamlReportsTheBadKeyAndLine() {
        assertThat(bind("query_name: example.test\nquery_type: txt\nvalid_answers: ['^v=spf1']\n").validAnswers())
                .extracting(Pattern::pattern).containsExactly("^v=spf1");
        assertThatThrownBy(() -> bind("query_name: example.test\nvalid_answers: ['(unclosed']\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("vigil.yaml:2: valid_answers[0]: cannot read \"(unclosed\" as a regular expression");
        assertThatThrownBy(() -> bind("query_name: example.test\nquery_type: PTR\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("vigil.yaml:2: query_type: unsupported query_type \"PTR\" (allowed: A, AAAA, CNAME, MX, TXT, NS)");
    }

    private ProbeOutcome run(String name, String type, String... validAnswers) throws Exception {
        return probe.run(spec(name, type, validAnswers), context);
    }

    private DnsSpec spec(String name, String type, String... validAnswers) {
        return new DnsSpec(name, type, server.address(), List.of(validAnswers).stream().map(Pattern::compile).toList());
    }

    private static DnsSpec bind(String yaml) {
        return ConfigBinder.bind(YamlDocument.parse("vigil.yaml", yaml).rootSection(), DnsSpec.class);
    }

    private static Map<String, Double> samples(ProbeContext context) {
        return context.samples().stream().collect(Collectors.toMap(Sample::metric, Sample::value));
    }

    private static double value(ProbeContext context, String metric) {
        assertThat(samples(context)).containsKey(metric);
        return samples(context).get(metric);
    }
}
