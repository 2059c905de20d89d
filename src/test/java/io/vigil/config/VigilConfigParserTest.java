package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.vigil.probe.http.HttpSpec;
import io.vigil.probe.tcp.TcpSpec;

class VigilConfigParserTest {

    private static final ProbeTypes TYPES = new ProbeTypes() {
        private final Map<String, Class<?>> types = Map.of("http", HttpSpec.class, "tcp", TcpSpec.class);

        @Override
        public Set<String> names() {
            return types.keySet();
        }

        @Override
        public Class<?> specType(String type) {
            return types.get(type);
        }

        @Override
        public Set<String> sampleLabels(String type) {
            return type.equals("http") ? Set.of("phase", "version") : Set.of();
        }
    };

    private static final Map<String, String> ENV = Map.of("WEB_TOKEN", "s3cr3t", "DB_PORT", "5432");

    private static VigilConfig parse(String yaml) {
        return new VigilConfigParser(TYPES, new EnvSubstitution(ENV::get)).parse("vigil.yaml", Path.of("/etc/vigil"), yaml);
    }

    @Test
    void readsTheContractExample() {
        VigilConfig config = parse("""
                global:
                  evaluation_interval: 15s
                  external_url: https://vigil.example.com
                  external_labels: {env: prod}
                probes:
                  - name: web
                    type: http
                    interval: 30s
                    timeout: 10s
                    labels: {service: web}
                    url: https://example.com/health
                    bearer_token: ${WEB_TOKEN}
                  - name: db
                    type: tcp
                    host: db.internal
                    port: ${DB_PORT}
                rule_files: [rules/*.yml]
                alertmanager_config: alertmanager.yml
                incidents:
                  group_by: [service]
                  reopen_within: 30m
                  escalations:
                    - matchers: ['severity="critical"']
                      after: 15m
                      receiver: oncall
                """);

        assertThat(config.global().evaluationInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.global().externalLabels()).containsEntry("env", "prod");
        assertThat(config.ruleFiles()).containsExactly("rules/*.yml");
        assertThat(config.alertmanagerConfig()).contains("alertmanager.yml");
        ProbeDefinition web = config.probe("web").orElseThrow();
        assertThat(web.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(web.labels()).containsEntry("service", "web");
        assertThat(((HttpSpec) web.spec()).bearerToken()).isEqualTo("s3cr3t");
        ProbeDefinition db = config.probe("db").orElseThrow();
        assertThat(db.interval()).as("default interval").isEqualTo(Duration.ofSeconds(60));
        assertThat(db.timeout()).as("default timeout is min(10s, interval)").isEqualTo(Duration.ofSeconds(10));
        assertThat(((TcpSpec) db.spec()).port()).isEqualTo(5432);
        IncidentsConfig incidents = config.incidents();
        assertThat(incidents.groupBy()).contains(List.of("service"));
        assertThat(incidents.reopenWithin()).isEqualTo(Duration.ofMinutes(30));
        assertThat(incidents.escalations()).singleElement().satisfies(e -> {
            assertThat(e.matchers()).extracting(Object::toString).containsExactly("severity=\"critical\"");
            assertThat(e.after()).isEqualTo(Duration.ofMinutes(15));
            assertThat(e.receiver()).isEqualTo("oncall");
            assertThat(e.line()).isEqualTo(25);
        });
    }

    @Test
    void withoutAnIncidentsSectionIncidentsFollowTheRoutingAndNeverReopen() {
        IncidentsConfig incidents = parse("probes: []").incidents();
        assertThat(incidents.groupBy()).isEmpty();
        assertThat(incidents.reopenWithin()).isZero();
        assertThat(incidents.escalations()).isEmpty();
    }

    @Test
    void defaultTimeoutFollowsAShortInterval() {
        VigilConfig config = parse("""
                probes:
                  - {name: fast, type: tcp, interval: 5s, host: localhost, port: 80}
                """);
        assertThat(config.probes().get(0).timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anEmptyFileIsAValidConfigWithNoProbes() {
        VigilConfig config = parse("");
        assertThat(config.probes()).isEmpty();
        assertThat(config.global().evaluationInterval()).isEqualTo(GlobalConfig.DEFAULT_EVALUATION_INTERVAL);
    }

    record BadConfig(String title, String yaml, int line, String message) {
        @Override
        public String toString() {
            return title;
        }
    }

    /** One bad file per row: title | YAML (a literal backslash-n for each newline) | line | what the message must say. */
    private static final String BAD_CONFIGS = """
            unknown probe type    | probes: [{name: a, type: ftp}]                                   | 1 | probes[0].type: unknown probe type "ftp" (known: http, tcp)
            unknown key           | probes:\\n  - name: a\\n    type: http\\n    urll: http://x      | 4 | probes[0].urll: unknown key "urll"
            bad duration          | probes:\\n  - name: a\\n    type: tcp\\n    interval: 10x       | 4 | probes[0].interval: not a valid duration string: "10x"
            duplicate probe name  | probes:\\n  - {name: a, type: tcp, host: h, port: 1}\\n  - {name: a, type: tcp, host: h, port: 2} | 3 | probes[1].name: duplicate probe name "a"
            bad URL               | probes:\\n  - name: a\\n    type: http\\n    url: ftp://x/y      | 4 | probes[0].url: must be an absolute http:// or https:// URL
            missing url           | probes:\\n  - name: a\\n    type: http                          | 2 | probes[0].url: missing required key "url"
            bad port              | probes:\\n  - name: a\\n    type: tcp\\n    host: h\\n    port: 70000 | 5 | probes[0].port: must be between 1 and 65535, got 70000
            port not a number     | probes:\\n  - name: a\\n    type: tcp\\n    host: h\\n    port: http | 5 | probes[0].port: cannot read "http" as a whole number
            bad regexp            | probes:\\n  - name: a\\n    type: http\\n    url: http://x\\n    fail_if_body_matches_regexp: ['(oops'] | 5 | probes[0].fail_if_body_matches_regexp[0]: cannot read "(oops" as a regular expression
            unset variable        | probes:\\n  - name: a\\n    type: http\\n    url: http://x\\n    bearer_token: ${NOPE} | 5 | probes[0].bearer_token: environment variable NOPE is not set
            timeout over interval | probes:\\n  - {name: a, type: tcp, host: h, port: 1, interval: 5s, timeout: 10s} | 2 | probes[0].timeout: must be greater than 0s and at most the interval (5s)
            bad probe name        | probes:\\n  - {name: 'a b', type: tcp, host: h, port: 1} | 2 | probes[0].name: probe name "a b" may only hold letters, digits, '_' and '-'
            reserved label        | probes:\\n  - name: a\\n    type: tcp\\n    host: h\\n    port: 1\\n    labels: {probe: x} | 6 | probes[0].labels.probe: label "probe" is set by Vigil itself
            sample label          | probes:\\n  - name: a\\n    type: http\\n    url: http://x\\n    labels: {phase: x} | 5 | probes[0].labels.phase: label "phase" is set by the samples of http probes; name it otherwise
            bad label name        | global:\\n  external_labels: {1env: x} | 2 | global.external_labels.1env: "1env" is not a valid label name
            unknown top-level key | probes: []\\nscrape_configs: [] | 2 | scrape_configs: unknown key "scrape_configs"
            unknown global key    | global:\\n  scrape_interval: 15s | 2 | global.scrape_interval: unknown key "scrape_interval"
            bad YAML              | probes:\\n  - name: a\\n   type: [ | 3 | invalid YAML
            duplicate YAML key    | global:\\n  evaluation_interval: 1m\\n  evaluation_interval: 2m | 3 | invalid YAML: Duplicate field 'evaluation_interval'
            bad external_url      | global:\\n  external_url: not a url | 2 | global.external_url: "not a url" is not a valid URL
            bad reopen_within     | incidents:\\n  reopen_within: soon | 2 | incidents.reopen_within: not a valid duration string
            bad incident group_by | incidents:\\n  group_by: [service, 'a-b'] | 2 | incidents.group_by[1]: "a-b" is not a valid label name
            unknown incident key  | incidents:\\n  group_wait: 1m | 2 | incidents.group_wait: unknown key "group_wait"
            bad escalation matcher | incidents:\\n  escalations:\\n    - matchers: ['severity']\\n      after: 5m\\n      receiver: x | 3 | incidents.escalations[0].matchers[0]: bad matcher
            escalation no after   | incidents:\\n  escalations:\\n    - receiver: x | 3 | incidents.escalations[0]: missing required key "after"
            escalation after 0    | incidents:\\n  escalations:\\n    - {receiver: x, after: 0s} | 3 | incidents.escalations[0].after: must be greater than 0s
            escalation no receiver | incidents:\\n  escalations:\\n    - {after: 5m} | 3 | incidents.escalations[0]: missing required key "receiver"
            unknown escalation key | incidents:\\n  escalations:\\n    - {after: 5m, receiver: x, wait: 1m} | 3 | incidents.escalations[0].wait: unknown key "wait"
            """;

    static Stream<BadConfig> badConfigs() {
        return BAD_CONFIGS.lines().map(row -> row.split("\\|")).map(cells -> new BadConfig(cells[0].strip(),
                cells[1].strip().replace("\\n", "\n"), Integer.parseInt(cells[2].strip()), cells[3].strip()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void namesFileLineAndProblem(BadConfig bad) {
        assertThatThrownBy(() -> parse(bad.yaml()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.file()).isEqualTo("vigil.yaml");
                    assertThat(e.getMessage()).contains(bad.message());
                    assertThat(e.line()).as("line of: " + e.getMessage()).isEqualTo(bad.line());
                    assertThat(e.getMessage()).startsWith("vigil.yaml:" + bad.line() + ": ");
                });
    }

    @Test
    void aSecretNeverAppearsInAnError() {
        assertThatThrownBy(() -> parse("""
                probes:
                  - name: a
                    type: http
                    url: http://x
                    basic_auth:
                      username: u
                      password: ${WEB_TOKEN}
                    bearer_token: ${WEB_TOKEN}
                """)).isInstanceOf(ConfigException.class).message()
                .contains("set basic_auth or bearer_token, not both").doesNotContain("s3cr3t");
    }
}
