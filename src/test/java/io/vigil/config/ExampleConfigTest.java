package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.vigil.notify.config.AlertmanagerConfig;
import io.vigil.notify.config.AlertmanagerConfigParser;
import io.vigil.probe.Probe;
import io.vigil.probe.dns.DnsProbe;
import io.vigil.probe.heartbeat.HeartbeatProbe;
import io.vigil.probe.heroku.HerokuProbe;
import io.vigil.probe.heroku.HerokuSpec;
import io.vigil.probe.http.HttpProbe;
import io.vigil.probe.netlify.NetlifyProbe;
import io.vigil.probe.rdap.RdapProbe;
import io.vigil.probe.sendgrid.SendgridProbe;
import io.vigil.probe.sql.SqlProbe;
import io.vigil.probe.statuspage.StatuspageProbe;
import io.vigil.probe.stripe.StripeProbe;
import io.vigil.probe.supabase.SupabaseProbe;
import io.vigil.probe.tcp.TcpProbe;
import io.vigil.probe.tls.TlsProbe;
import io.vigil.rule.Rule;
import io.vigil.rule.RuleFiles;
import io.vigil.rule.RuleGroup;

/**
 * examples/vigil.yaml, with the rule files and the Alertmanager config it names, loads the way start-up loads it:
 * the same parsers, every real probe type (so the labels a type's samples reserve are enforced), the same secrets.
 * So does the compose stack's docker/vigil/vigil.yaml, which needs none.
 */
class ExampleConfigTest {

    private static final Path EXAMPLE = Path.of("examples/vigil.yaml");

    /** Every variable the example's files use, with stand-ins of the shape each API expects. */
    private static final Map<String, String> SECRETS = Map.ofEntries(
            Map.entry("HEROKU_API_KEY", "heroku-s3cret"),
            Map.entry("NETLIFY_API_KEY", "netlify-s3cret"),
            Map.entry("SUPABASE_API_KEY", "sbp_s3cret"),
            Map.entry("SENDGRID_API_KEY", "SG.s3cret"),
            Map.entry("STRIPE_API_KEY", "rk_live_s3cret"),
            Map.entry("BACKUP_HEARTBEAT_TOKEN", "backup-s3cret"),
            Map.entry("SMTP_PASSWORD", "smtp-s3cret"),
            Map.entry("SLACK_WEBHOOK_PATH", "T000/B000/s3cret"),
            Map.entry("BILLING_HOOK_TOKEN", "billing-s3cret"),
            Map.entry("ONCALL_PAGER_TOKEN", "pager-s3cret"));

    private static final Map<String, Probe<?>> PROBES = List.of(new HttpProbe(), new TlsProbe(), new TcpProbe(),
            new DnsProbe(), new HeartbeatProbe(), new SendgridProbe(), new StripeProbe(), new HerokuProbe(),
            new NetlifyProbe(), new SupabaseProbe(), new StatuspageProbe(), new RdapProbe(), new SqlProbe())
            .stream().collect(Collectors.toMap(Probe::type, Function.identity()));

    private static final ProbeTypes TYPES = new ProbeTypes() {
        @Override
        public Set<String> names() {
            return PROBES.keySet();
        }

        @Override
        public Class<?> specType(String type) {
            Probe<?> probe = PROBES.get(type);
            return probe == null ? null : probe.specType();
        }

        @Override
        public Set<String> sampleLabels(String type) {
            return PROBES.get(type).sampleLabels();
        }
    };

    /** What start-up reads: vigil.yaml, then the files it names, each with the same secrets. */
    private record Loaded(VigilConfig config, List<RuleGroup> rules, AlertmanagerConfig routing) {
    }

    private static Loaded load(Map<String, String> environment) {
        return load(EXAMPLE, environment);
    }

    private static Loaded load(Path file, Map<String, String> environment) {
        EnvSubstitution secrets = new EnvSubstitution(environment::get);
        VigilConfig config = new VigilConfigParser(TYPES, secrets)
                .parse(file.toString(), file.toAbsolutePath().getParent(), read(file));
        Path routing = config.baseDirectory().resolve(config.alertmanagerConfig().orElseThrow());
        return new Loaded(config, RuleFiles.load(config),
                AlertmanagerConfigParser.parse(routing.toString(), read(routing), secrets));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyProbeLoadsWithItsTypeAndService() {
        VigilConfig config = load(SECRETS).config();

        assertThat(config.probes()).extracting(ProbeDefinition::name, ProbeDefinition::type,
                probe -> probe.labels().get("service")).containsExactly(
                tuple("api-health", "http", "api"),
                tuple("api-tls", "tls", "api"),
                tuple("api-dynos", "heroku", "api"),
                tuple("website", "http", "website"),
                tuple("website-deploys", "netlify", "website"),
                // Its samples set `service` themselves; the rules take the probe's name instead.
                tuple("database", "supabase", null),
                tuple("database-dns", "dns", "database"),
                tuple("sendgrid", "sendgrid", "email"),
                tuple("stripe", "stripe", "payments"),
                tuple("heroku-status", "statuspage", "api"),
                tuple("netlify-status", "statuspage", "website"),
                tuple("supabase-status", "statuspage", "database"),
                tuple("sendgrid-status", "statuspage", "email"),
                tuple("example-com-domain", "rdap", "domains"),
                tuple("nightly-backup", "heartbeat", "backups"));
        assertThat(config.probe("api-dynos").orElseThrow().spec())
                .isEqualTo(new HerokuSpec("example-api", "heroku-s3cret", null));
        assertThat(config.global().externalUrl()).hasToString("https://vigil.example.com");
        assertThat(config.global().externalLabels()).isEqualTo(Map.of("env", "prod"));
    }

    @Test
    void theComposeStacksConfigurationLoadsWithNoSecretSet() {
        // VIGIL_HTTP_PORT is the one variable Vigil provides itself (the port it listens on).
        Loaded compose = load(Path.of("docker/vigil/vigil.yaml"), Map.of("VIGIL_HTTP_PORT", "8080"));

        assertThat(compose.config().probes()).extracting(ProbeDefinition::name, ProbeDefinition::type)
                .containsExactly(tuple("vigil", "http"), tuple("prometheus", "http"), tuple("grafana", "http"),
                        tuple("postgres", "tcp"), tuple("incidents-today", "sql"), tuple("mailpit", "http"));
        assertThat(compose.rules()).flatExtracting(RuleGroup::rules).extracting(rule -> rule.definition().name())
                .containsExactly("ServiceDown", "VigilDemoCycle");
        assertThat(compose.routing().receivers()).containsOnlyKeys("team-email");
    }

    @Test
    void probesThatRulesReadWithForRunWithinTheLookback() {
        // A sample is seen for five minutes; rules read the RDAP probe over an hour instead.
        assertThat(load(SECRETS).config().probes()).filteredOn(probe -> !probe.type().equals("rdap"))
                .allSatisfy(probe -> assertThat(probe.interval()).as(probe.name())
                        .isLessThanOrEqualTo(Duration.ofMinutes(2)));
    }

    @Test
    void theGlobbedRuleFilesLoadInFileOrder() {
        List<RuleGroup> rules = load(SECRETS).rules();

        assertThat(rules).extracting(group -> Path.of(group.definition().file()).getFileName().toString(),
                RuleGroup::name).containsExactly(
                tuple("business.yml", "email"),
                tuple("business.yml", "payments"),
                tuple("business.yml", "platform"),
                tuple("business.yml", "expiry"),
                tuple("business.yml", "jobs"),
                tuple("infrastructure.yml", "endpoints"),
                tuple("infrastructure.yml", "certificates-and-domains"),
                tuple("infrastructure.yml", "vendors"),
                tuple("infrastructure.yml", "probes"));
        assertThat(rules).flatExtracting(RuleGroup::rules).extracting(rule -> rule.definition().name())
                .containsExactly("EmailDeliveryLow", "EmailBouncesHigh", "EmailSpamReportsHigh",
                        "PaymentSuccessLow",
                        "DynoCrashed", "DeployFailed", "DatabaseServiceUnhealthy", "VendorOutage",
                        "DomainExpiringSoon", "CertificateExpiringSoon",
                        "HeartbeatMissed",
                        "EndpointDown", "EndpointSlow",
                        "CertificateRenewalOverdue", "DomainRenewalDue", "DomainExpiryUnknown",
                        "VendorDegraded",
                        "ProbeCannotRun");
        assertThat(rules).flatExtracting(RuleGroup::rules).extracting(Rule::definition).allSatisfy(rule -> {
            assertThat(rule.labels().get("severity")).as(rule.name()).isIn("critical", "warning");
            assertThat(rule.annotations()).as(rule.name()).containsKey("summary");
            if (rule.file().endsWith("infrastructure.yml")) {
                assertThat(rule.annotations()).as(rule.name()).containsKey("description");
            }
        });
    }

    @Test
    void incidentsEscalateToAReceiverOfTheRouting() {
        Loaded loaded = load(SECRETS);
        IncidentsConfig incidents = loaded.config().incidents();

        assertThat(loaded.routing().receivers()).containsOnlyKeys(
                "team-email", "oncall-slack", "billing", "web-agency", "oncall-pager");
        assertThat(incidents.groupBy()).contains(List.of("service"));
        assertThat(incidents.reopenWithin()).isEqualTo(Duration.ofMinutes(30));
        assertThat(incidents.escalations()).singleElement().satisfies(escalation -> {
            assertThat(escalation.matchers()).hasToString("[severity=\"critical\"]");
            assertThat(escalation.after()).isEqualTo(Duration.ofMinutes(15));
            assertThat(escalation.receiver()).isEqualTo("oncall-pager");
            assertThat(loaded.routing().receiver(escalation.receiver())).isPresent();
        });
    }

    @Test
    void theHeaderListsEverySecretTheFilesUse() {
        Pattern reference = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
        Set<String> used = new TreeSet<>();
        for (Path file : List.of(EXAMPLE, EXAMPLE.resolveSibling("alertmanager.yml"))) {
            for (String line : read(file).lines().toList()) {
                // Comments are left out: the header itself says "written as ${NAME}".
                Matcher matcher = reference.matcher(line.replaceFirst("(^|\\s)#.*", ""));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        String header = read(EXAMPLE).lines().takeWhile(line -> line.startsWith("#"))
                .collect(Collectors.joining("\n"));

        assertThat(used).isEqualTo(new TreeSet<>(SECRETS.keySet()));
        assertThat(used).allSatisfy(name -> assertThat(header).contains(name));
    }

    static Set<String> secretNames() {
        return new TreeSet<>(SECRETS.keySet());
    }

    @ParameterizedTest
    @MethodSource("secretNames")
    void anUnsetSecretStopsStartupNamingIt(String name) {
        Map<String, String> environment = new HashMap<>(SECRETS);
        environment.remove(name);

        assertThatThrownBy(() -> load(environment)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problem()).endsWith("environment variable " + name + " is not set");
            assertThat(Path.of(e.file()).getFileName().toString()).isIn("vigil.yaml", "alertmanager.yml");
            assertThat(e.line()).isPositive();
        });
    }
}
