package io.vigil.notify.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.config.EnvSubstitution;

/**
 * The Alertmanager configs the tests use, in one place so that {@link AmtoolCompatibilityTest} can hold real
 * {@code amtool check-config} to the same files: every valid one must pass it, and each rejected one must be
 * rejected by amtool too, unless it is marked as a restriction of Vigil's own.
 */
final class AlertmanagerConfigSamples {

    static final Map<String, String> ENV = Map.of(
            "SMTP_PASSWORD", "smtp-s3cret",
            "OTHER_PASSWORD", "other-s3cret",
            "SLACK_PATH", "T000/B000/slack-s3cret",
            "ONCALL_SLACK_PATH", "T111/B111/oncall-s3cret",
            "HOOK_TOKEN", "hook-s3cret",
            "SLACK_WEBHOOK_PATH", "T222/B222/example-s3cret",
            "BILLING_HOOK_TOKEN", "billing-s3cret",
            "ONCALL_PAGER_TOKEN", "pager-s3cret");

    static final EnvSubstitution ENVIRONMENT = new EnvSubstitution(ENV::get);

    static final String MINIMAL = """
            route:
              receiver: nobody
            receivers:
              - name: nobody
            """;

    /** Every supported key, with values a child inherits and values it overrides. */
    static final String FULL = """
            global:
              resolve_timeout: 2m
              smtp_smarthost: smtp.example.com:587
              smtp_from: alerts@example.com
              smtp_auth_username: alerts
              smtp_auth_password: ${SMTP_PASSWORD}
              smtp_require_tls: false
              slack_api_url: https://hooks.slack.com/services/${SLACK_PATH}
            route:
              receiver: team
              group_by: [alertname, service]
              group_wait: 20s
              routes:
                - receiver: oncall
                  matchers: ['severity="critical"', 'team=~"db|web", env!="dev"']
                  group_interval: 2m
                  continue: true
                  routes:
                    - matchers: [service=payments]
                      group_by: ['...']
                      repeat_interval: 30m
                      mute_time_intervals: [nights]
                      routes:
                        - matchers: ['{region!~"eu-.*"}']
                - matchers: ['{service="web"}']
                  group_by: [instance]
                  active_time_intervals: [office]
            receivers:
              - name: team
                email_configs:
                  - to: a@example.com, "Doe, Jane" <jane@example.com>
                    headers: {subject: 'Alert!', X-Team: ops}
                  - to: b@example.com
                    from: other@example.com
                    smarthost: mail.internal:25
                    auth_password: ${OTHER_PASSWORD}
                    require_tls: true
                    send_resolved: true
                webhook_configs:
                  - url: https://hooks.example.com/alerts/${HOOK_TOKEN}
                    max_alerts: 5
                slack_configs:
                  - channel: '#team'
              - name: oncall
                slack_configs:
                  - api_url: https://hooks.slack.com/services/${ONCALL_SLACK_PATH}
                    channel: '#oncall'
                    username: vigil
                    icon_emoji: ':fire:'
                    send_resolved: true
              - name: blackhole
            inhibit_rules:
              - source_matchers: ['severity="critical"']
                target_matchers: ['severity=~"warning|info"']
                equal: [alertname, service]
            time_intervals:
              - name: nights
                time_intervals:
                  - times: [{start_time: '00:00', end_time: '06:00'}, {start_time: '22:00', end_time: '24:00'}]
              - name: office
                time_intervals:
                  - weekdays: ['monday:friday']
                    times: [{start_time: '09:00', end_time: '17:00'}]
                    location: Europe/Berlin
            """;

    /** One named interval per feature that {@link TimePeriodTest} checks. */
    static final String TIME_PERIODS = """
            route:
              receiver: r
            receivers:
              - name: r
            time_intervals:
              - name: workdays
                time_intervals: [{weekdays: ['Monday:FRIDAY']}]
              - name: sunday-to-tuesday
                time_intervals: [{weekdays: ['sunday:tuesday']}]
              - name: weekend
                time_intervals: [{weekdays: [saturday, sunday]}]
              - name: last-three-days
                time_intervals: [{days_of_month: ['-3:-1']}]
              - name: second-to-last-day-of-february
                time_intervals: [{months: [february], days_of_month: ['-2']}]
              - name: from-the-28th
                time_intervals: [{days_of_month: ['28:31']}]
              - name: evening
                time_intervals: [{times: [{start_time: '18:00', end_time: '24:00'}]}]
              - name: berlin-office
                time_intervals:
                  - times: [{start_time: '09:00', end_time: '17:00'}]
                    location: Europe/Berlin
              - name: winter-of-2021
                time_intervals:
                  - months: ['december']
                    years: ['2021']
                  - months: ['1:march']
                    years: ['2022:2022']
              - name: never
                time_intervals: []
              - name: always
                time_intervals: [{}]
            """;

    static final String GROUP_BY_ALL = """
            route:
              receiver: r
              group_by: ['...']
              routes:
                - matchers: [a=1]
                - matchers: [a=2]
                  group_by: [b]
                - matchers: [a=3]
                  group_by: []
            receivers:
              - name: r
            """;

    private AlertmanagerConfigSamples() {
    }

    /** Every valid config of the tests, by name. */
    static Map<String, String> valid() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("minimal", MINIMAL);
        out.put("full", FULL);
        out.put("time-periods", TIME_PERIODS);
        out.put("group-by-all", GROUP_BY_ALL);
        return out;
    }

    /**
     * A config Vigil rejects, the line and problem it reports, and whether amtool 0.25 rejects it too (false: a
     * restriction of Vigil's, which amtool is then expected to accept).
     */
    record Rejected(String name, String yaml, int line, String problem, boolean amtoolRejects) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Rejected> rejected() {
        return RejectedConfigs.ALL;
    }
}
