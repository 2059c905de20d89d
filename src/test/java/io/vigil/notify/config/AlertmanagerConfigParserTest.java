package io.vigil.notify.config;

import static io.vigil.notify.config.AlertmanagerConfigSamples.ENVIRONMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.vigil.config.ConfigException;
import io.vigil.notify.Matcher;
import io.vigil.notify.Matchers;
import io.vigil.notify.Secret;
import io.vigil.notify.config.AlertmanagerConfigSamples.Rejected;

class AlertmanagerConfigParserTest {

    static final Path EXAMPLE = Path.of("examples/alertmanager.yml");

    static AlertmanagerConfig parse(String yaml) {
        return AlertmanagerConfigParser.parse("alertmanager.yml", yaml, ENVIRONMENT);
    }

    @Test
    void resolvesInheritanceDefaultsAndGlobalSettings() {
        AlertmanagerConfig config = parse(AlertmanagerConfigSamples.FULL);

        assertThat(config.source()).isEqualTo("alertmanager.yml");
        assertThat(config.global().resolveTimeout()).isEqualTo(Duration.ofMinutes(2));
        RouteConfig root = config.route();
        assertThat(root.path()).isEqualTo("route");
        assertThat(root.receiver()).isEqualTo("team");
        assertThat(root.groupBy()).containsExactly("alertname", "service");
        assertThat(root.groupWait()).isEqualTo(Duration.ofSeconds(20));
        assertThat(root.groupInterval()).as("default").isEqualTo(Duration.ofMinutes(5));
        assertThat(root.repeatInterval()).as("default").isEqualTo(Duration.ofHours(4));
        assertThat(root.matchers()).isEmpty();

        RouteConfig critical = root.routes().get(0);
        assertThat(critical.path()).isEqualTo("route.routes[0]");
        assertThat(critical.receiver()).isEqualTo("oncall");
        assertThat(critical.groupBy()).as("inherited").containsExactly("alertname", "service");
        assertThat(critical.groupWait()).as("inherited").isEqualTo(Duration.ofSeconds(20));
        assertThat(critical.groupInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(critical.continueMatching()).isTrue();
        assertThat(critical.matchers()).as("all lines, in Alertmanager's order").map(Matcher::toString)
                .containsExactly("env!=\"dev\"", "severity=\"critical\"", "team=~\"db|web\"");

        RouteConfig payments = critical.routes().get(0);
        assertThat(payments.path()).isEqualTo("route.routes[0].routes[0]");
        assertThat(payments.receiver()).as("inherited").isEqualTo("oncall");
        assertThat(payments.groupByAll()).isTrue();
        assertThat(payments.groupBy()).isEmpty();
        assertThat(payments.groupInterval()).as("inherited from its parent, not the root").isEqualTo(Duration.ofMinutes(2));
        assertThat(payments.repeatInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(payments.continueMatching()).as("not inherited").isFalse();
        assertThat(payments.muteTimeIntervals()).containsExactly("nights");

        RouteConfig nonEu = payments.routes().get(0);
        assertThat(nonEu.path()).isEqualTo("route.routes[0].routes[0].routes[0]");
        assertThat(nonEu.groupByAll()).as("inherited").isTrue();
        assertThat(nonEu.repeatInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(nonEu.muteTimeIntervals()).as("time intervals are not inherited").isEmpty();
        assertThat(nonEu.matchers()).containsExactly(Matchers.parseOne("region!~\"eu-.*\""));

        RouteConfig web = root.routes().get(1);
        assertThat(web.path()).isEqualTo("route.routes[1]");
        assertThat(web.receiver()).isEqualTo("team");
        assertThat(web.groupBy()).containsExactly("instance");
        assertThat(web.groupByAll()).isFalse();
        assertThat(web.groupInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(web.activeTimeIntervals()).containsExactly("office");
        assertThat(config.timeIntervals()).containsOnlyKeys("nights", "office");
    }

    @Test
    void copiesGlobalSmtpAndSlackSettingsIntoIntegrationsInAlertmanagersOrder() {
        AlertmanagerConfig config = parse(AlertmanagerConfigSamples.FULL);

        assertThat(config.receivers()).containsOnlyKeys("team", "oncall", "blackhole");
        assertThat(config.receivers().keySet()).containsExactly("team", "oncall", "blackhole");
        List<IntegrationConfig> team = config.receiver("team").orElseThrow().integrations();
        assertThat(team).extracting(IntegrationConfig::key, IntegrationConfig::sendResolved)
                .containsExactly(tuple("email[0]", false), tuple("email[1]", true), tuple("slack[0]", false),
                        tuple("webhook[0]", true));

        EmailConfig fromGlobal = (EmailConfig) team.get(0);
        assertThat(fromGlobal.to()).containsExactly("a@example.com", "\"Doe, Jane\" <jane@example.com>");
        assertThat(fromGlobal.from()).isEqualTo("alerts@example.com");
        assertThat(fromGlobal.smarthost()).isEqualTo("smtp.example.com:587");
        assertThat(fromGlobal.host()).isEqualTo("smtp.example.com");
        assertThat(fromGlobal.port()).isEqualTo(587);
        assertThat(fromGlobal.authUsername()).isEqualTo("alerts");
        assertThat(fromGlobal.authPassword()).isEqualTo(new Secret("smtp-s3cret"));
        assertThat(fromGlobal.requireTls()).isFalse();
        assertThat(fromGlobal.headers()).as("canonical names").containsOnly(
                Map.entry("Subject", "Alert!"), Map.entry("X-Team", "ops"));

        EmailConfig own = (EmailConfig) team.get(1);
        assertThat(own.to()).containsExactly("b@example.com");
        assertThat(own.from()).isEqualTo("other@example.com");
        assertThat(own.smarthost()).isEqualTo("mail.internal:25");
        assertThat(own.authUsername()).as("still the global one").isEqualTo("alerts");
        assertThat(own.authPassword()).isEqualTo(new Secret("other-s3cret"));
        assertThat(own.requireTls()).isTrue();

        SlackConfig teamSlack = (SlackConfig) team.get(2);
        assertThat(teamSlack.apiUrl().value()).isEqualTo("https://hooks.slack.com/services/T000/B000/slack-s3cret");
        assertThat(teamSlack.channel()).isEqualTo("#team");
        assertThat(teamSlack.username()).isNull();

        WebhookConfig webhook = (WebhookConfig) team.get(3);
        assertThat(webhook.url().value()).isEqualTo("https://hooks.example.com/alerts/hook-s3cret");
        assertThat(webhook.maxAlerts()).isEqualTo(5);

        SlackConfig oncall = (SlackConfig) config.receiver("oncall").orElseThrow().integrations().get(0);
        assertThat(oncall.apiUrl().value()).isEqualTo("https://hooks.slack.com/services/T111/B111/oncall-s3cret");
        assertThat(oncall).extracting(SlackConfig::channel, SlackConfig::username, SlackConfig::iconEmoji,
                SlackConfig::sendResolved).containsExactly("#oncall", "vigil", ":fire:", true);
        assertThat(config.receiver("blackhole").orElseThrow().integrations()).isEmpty();
    }

    @Test
    void readsInhibitRules() {
        InhibitRuleConfig rule = parse(AlertmanagerConfigSamples.FULL).inhibitRules().get(0);

        assertThat(rule.path()).isEqualTo("inhibit_rules[0]");
        assertThat(rule.sourceMatchers()).containsExactly(Matchers.parseOne("severity=\"critical\""));
        assertThat(rule.targetMatchers()).containsExactly(Matchers.parseOne("severity=~\"warning|info\""));
        assertThat(rule.equal()).containsExactly("alertname", "service");
    }

    @Test
    void appliesAlertmanagerDefaultsToAMinimalConfig() {
        AlertmanagerConfig config = parse(AlertmanagerConfigSamples.MINIMAL);

        assertThat(config.global().resolveTimeout()).isEqualTo(AlertmanagerGlobal.DEFAULT_RESOLVE_TIMEOUT);
        assertThat(config.route()).extracting(RouteConfig::receiver, RouteConfig::groupBy, RouteConfig::groupByAll,
                RouteConfig::groupWait, RouteConfig::groupInterval, RouteConfig::repeatInterval,
                RouteConfig::continueMatching).containsExactly("nobody", List.of(), false, Duration.ofSeconds(30),
                Duration.ofMinutes(5), Duration.ofHours(4), false);
        assertThat(config.inhibitRules()).isEmpty();
        assertThat(config.timeIntervals()).isEmpty();
    }

    @Test
    void anEmptyGroupByInheritsAndANamedOneEndsGroupingByAll() {
        List<RouteConfig> routes = parse(AlertmanagerConfigSamples.GROUP_BY_ALL).route().routes();

        assertThat(routes).extracting(RouteConfig::groupByAll, RouteConfig::groupBy).containsExactly(
                tuple(true, List.of()), tuple(false, List.of("b")), tuple(true, List.of()));
    }

    @Test
    void secretsDoNotAppearWhenTheConfigIsPrinted() {
        String printed = parse(AlertmanagerConfigSamples.FULL).toString();

        assertThat(printed).contains("<secret>", "smtp.example.com:587")
                .doesNotContain("s3cret", "hooks.slack.com", "hooks.example.com");
    }

    @Test
    void theShippedExampleLoads() throws IOException {
        AlertmanagerConfig config = parse(Files.readString(EXAMPLE));

        assertThat(config.route().receiver()).isEqualTo("team-email");
        assertThat(config.route().groupBy()).containsExactly("alertname", "service");
        RouteConfig critical = config.route().routes().get(0);
        assertThat(critical.receiver()).isEqualTo("oncall-slack");
        assertThat(critical.continueMatching()).isTrue();
        assertThat(config.route().routes()).anySatisfy(r -> assertThat(r.activeTimeIntervals()).contains("business-hours"));
        assertThat(config.route().routes()).anySatisfy(r -> assertThat(r.muteTimeIntervals()).contains("maintenance"));
        assertThat(config.inhibitRules()).extracting(InhibitRuleConfig::equal).containsOnly(List.of("probe"));
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    static Stream<Rejected> rejectedConfigs() {
        return AlertmanagerConfigSamples.rejected().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedConfigs")
    void rejectsWithTheLineAndTheProblem(Rejected rejected) {
        assertThatThrownBy(() -> parse(rejected.yaml())).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.file()).isEqualTo("alertmanager.yml");
            assertThat(e.problem()).isEqualTo(rejected.problem());
            assertThat(e.line()).as(e.getMessage()).isEqualTo(rejected.line());
        });
    }
}
