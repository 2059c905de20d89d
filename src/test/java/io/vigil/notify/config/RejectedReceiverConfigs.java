package io.vigil.notify.config;

import static io.vigil.notify.config.RejectedConfigs.rejected;

import java.util.List;

import io.vigil.notify.config.AlertmanagerConfigSamples.Rejected;

/** Receivers and integrations Vigil rejects; see {@link AlertmanagerConfigSamples}. */
final class RejectedReceiverConfigs {

    /** Global SMTP settings and the root route; they take lines 1 and 2. */
    private static final String SMTP = """
            global: {smtp_smarthost: 'smtp.example.com:25', smtp_from: vigil@example.com}
            route: {receiver: r}
            """;

    static final List<Rejected> ALL = List.of(
            rejected("pagerduty_configs", false, 4, "receivers[0].pagerduty_configs: unsupported key"
                    + " \"pagerduty_configs\" (Vigil supports here: email_configs, name, slack_configs,"
                    + " webhook_configs)", """
                    route: {receiver: r}
                    receivers:
                      - name: r
                        pagerduty_configs: [{routing_key: abc}]
                    """),
            rejected("webhook http_config", false, 6, "receivers[0].webhook_configs[0].http_config: unsupported key"
                    + " \"http_config\" (Vigil supports here: max_alerts, send_resolved, url)", """
                    route: {receiver: r}
                    receivers:
                      - name: r
                        webhook_configs:
                          - url: https://example.com/hook
                            http_config: {follow_redirects: false}
                    """),
            rejected("slack title", false, 6, "receivers[0].slack_configs[0].title: unsupported key \"title\": Vigil"
                    + " writes the notification's content itself (Vigil supports here: api_url, channel, icon_emoji,"
                    + " send_resolved, username)", """
                    route: {receiver: r}
                    receivers:
                      - name: r
                        slack_configs:
                          - api_url: https://hooks.slack.com/services/T0/B0/x
                            title: '{{ .CommonLabels.alertname }}'
                    """),
            rejected("global smtp_hello", false, 2, "global.smtp_hello: unsupported key \"smtp_hello\" (Vigil supports"
                    + " here: resolve_timeout, slack_api_url, smtp_auth_password, smtp_auth_username, smtp_from,"
                    + " smtp_require_tls, smtp_smarthost)", """
                    global:
                      smtp_hello: vigil.example.com
                    """ + RejectedConfigs.BASE),
            rejected("duplicate receiver", true, 4, "receivers[1].name: notification config name \"r\" is not unique", """
                    route: {receiver: r}
                    receivers:
                      - name: r
                      - name: r
                    """),
            rejected("receiver without name", true, 4, "receivers[1]: missing name in receiver", """
                    route: {receiver: r}
                    receivers:
                      - name: r
                      - email_configs: []
                    """),
            rejected("email without to", true, 6, "receivers[0].email_configs[0]: missing to address in email config",
                    SMTP + """
                    receivers:
                      - name: r
                        email_configs:
                          - send_resolved: true
                    """),
            rejected("email without smarthost", true, 5, "receivers[0].email_configs[0]: no global SMTP smarthost set:"
                    + " give this email config a smarthost or set global.smtp_smarthost", """
                    route: {receiver: r}
                    receivers:
                      - name: r
                        email_configs:
                          - to: ops@example.com
                            from: vigil@example.com
                    """),
            rejected("email without from", true, 7, "receivers[0].email_configs[0]: no global SMTP from set: give this"
                    + " email config a from address or set global.smtp_from", """
                    global:
                      smtp_smarthost: smtp.example.com:587
                    route: {receiver: r}
                    receivers:
                      - name: r
                        email_configs:
                          - to: ops@example.com
                    """),
            rejected("smarthost without port", true, 2, "global.smtp_smarthost: \"smtp.example.com\" is not host:port,"
                    + " e.g. smtp.example.com:587", """
                    global:
                      smtp_smarthost: smtp.example.com
                    """ + RejectedConfigs.BASE),
            rejected("duplicate email header", true, 7, "receivers[0].email_configs[0].headers.Subject: duplicate"
                    + " header \"Subject\" in email config", SMTP + """
                    receivers:
                      - name: r
                        email_configs:
                          - to: ops@example.com
                            headers: {subject: one, Subject: two}
                    """),
            rejected("slack without URL", true, 5, "receivers[0].slack_configs[0]: no global Slack API URL set: give"
                    + " this Slack config an api_url or set global.slack_api_url", """
                    route: {receiver: r}
                    receivers:
                      - name: r
                        slack_configs:
                          - channel: '#ops'
                    """),
            rejected("slack URL without scheme", true, 5, "receivers[0].slack_configs[0].api_url: must be an absolute"
                    + " http:// or https:// URL with a host", """
                    route: {receiver: r}
                    receivers:
                      - name: r
                        slack_configs:
                          - api_url: hooks.slack.com/services/T0/B0/x
                    """),
            rejected("webhook without URL", true, 5, "receivers[0].webhook_configs[0]: missing URL in webhook config", """
                    route: {receiver: r}
                    receivers:
                      - name: r
                        webhook_configs:
                          - max_alerts: 1
                    """),
            rejected("webhook ftp URL", true, 5, "receivers[0].webhook_configs[0].url: must be an absolute http://"
                    + " or https:// URL with a host", """
                    route: {receiver: r}
                    receivers:
                      - name: r
                        webhook_configs:
                          - url: ftp://files.example.com/alerts
                    """),
            rejected("webhook negative max_alerts", true, 6, "receivers[0].webhook_configs[0].max_alerts: must be 0"
                    + " (send all alerts) or more", """
                    route: {receiver: r}
                    receivers:
                      - name: r
                        webhook_configs:
                          - url: https://example.com/hook
                            max_alerts: -1
                    """));

    private RejectedReceiverConfigs() {
    }
}
