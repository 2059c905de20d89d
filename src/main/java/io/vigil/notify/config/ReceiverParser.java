package io.vigil.notify.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.config.YamlSection;
import io.vigil.notify.Secret;

/**
 * The {@code receivers} list, with {@code global}'s SMTP and Slack settings copied into each integration that does
 * not set its own, as Alertmanager's {@code Config.UnmarshalYAML} does.
 */
final class ReceiverParser {

    /** What {@code global} gives to integrations; empty strings and nulls where it gives nothing. */
    record Defaults(String smarthost, String from, String authUsername, Secret authPassword, boolean requireTls,
            Secret slackApiUrl) {
    }

    private static final Set<String> RECEIVER_KEYS =
            Set.of("name", "email_configs", "slack_configs", "webhook_configs");
    private static final Set<String> EMAIL_KEYS = Set.of("send_resolved", "to", "from", "smarthost", "auth_username",
            "auth_password", "require_tls", "headers");
    private static final Set<String> SLACK_KEYS = Set.of("send_resolved", "api_url", "channel", "username",
            "icon_emoji");
    private static final Set<String> WEBHOOK_KEYS = Set.of("send_resolved", "url", "max_alerts");

    private ReceiverParser() {
    }

    static Map<String, ReceiverConfig> parse(List<YamlSection> sections, Defaults defaults) {
        Map<String, ReceiverConfig> receivers = new LinkedHashMap<>();
        for (YamlSection section : sections) {
            AlertmanagerConfigParser.checkKeys(section, RECEIVER_KEYS);
            String name = section.string("name", "");
            if (name.isEmpty()) {
                throw section.error("missing name in receiver");
            }
            if (receivers.containsKey(name)) {
                throw section.error("name", "notification config name \"" + name + "\" is not unique");
            }
            // Alertmanager builds a receiver's integrations in this order: email, then Slack, then webhooks.
            List<IntegrationConfig> integrations = new ArrayList<>();
            List<YamlSection> emails = section.sections("email_configs");
            for (int i = 0; i < emails.size(); i++) {
                integrations.add(email(emails.get(i), i, defaults));
            }
            List<YamlSection> slacks = section.sections("slack_configs");
            for (int i = 0; i < slacks.size(); i++) {
                integrations.add(slack(slacks.get(i), i, defaults));
            }
            List<YamlSection> webhooks = section.sections("webhook_configs");
            for (int i = 0; i < webhooks.size(); i++) {
                integrations.add(webhook(webhooks.get(i), i));
            }
            receivers.put(name, new ReceiverConfig(name, integrations));
        }
        return receivers;
    }

    private static EmailConfig email(YamlSection section, int index, Defaults defaults) {
        AlertmanagerConfigParser.checkKeys(section, EMAIL_KEYS);
        String to = section.string("to", "");
        if (to.isBlank()) {
            throw section.error("missing to address in email config");
        }
        String smarthost = section.string("smarthost", "");
        if (smarthost.isEmpty()) {
            if (defaults.smarthost().isEmpty()) {
                throw section.error("no global SMTP smarthost set: give this email config a smarthost"
                        + " or set global.smtp_smarthost");
            }
            smarthost = defaults.smarthost();
        } else {
            checkSmarthost(section, "smarthost", smarthost);
        }
        String from = section.string("from", "");
        if (from.isEmpty()) {
            if (defaults.from().isEmpty()) {
                throw section.error("no global SMTP from set: give this email config a from address"
                        + " or set global.smtp_from");
            }
            from = defaults.from();
        }
        String username = section.string("auth_username", defaults.authUsername());
        String password = section.string("auth_password", "");
        Secret authPassword = password.isEmpty() ? defaults.authPassword() : new Secret(password);
        return new EmailConfig(index, section.bool("send_resolved", false), addresses(section, to), from, smarthost,
                username.isEmpty() ? null : username, authPassword, section.bool("require_tls", defaults.requireTls()),
                headers(section));
    }

    private static SlackConfig slack(YamlSection section, int index, Defaults defaults) {
        AlertmanagerConfigParser.checkKeys(section, SLACK_KEYS);
        String url = section.string("api_url", null);
        Secret apiUrl;
        if (url != null) {
            apiUrl = AlertmanagerConfigParser.httpUrl(section, "api_url", url);
        } else if (defaults.slackApiUrl() != null) {
            apiUrl = defaults.slackApiUrl();
        } else {
            throw section.error("no global Slack API URL set: give this Slack config an api_url"
                    + " or set global.slack_api_url");
        }
        return new SlackConfig(index, section.bool("send_resolved", false), apiUrl, section.string("channel", null),
                section.string("username", null), section.string("icon_emoji", null));
    }

    private static WebhookConfig webhook(YamlSection section, int index) {
        AlertmanagerConfigParser.checkKeys(section, WEBHOOK_KEYS);
        String url = section.string("url", null);
        if (url == null) {
            throw section.error("missing URL in webhook config");
        }
        int maxAlerts = section.integer("max_alerts", 0);
        if (maxAlerts < 0) {
            throw section.error("max_alerts", "must be 0 (send all alerts) or more");
        }
        return new WebhookConfig(index, section.bool("send_resolved", true),
                AlertmanagerConfigParser.httpUrl(section, "url", url), maxAlerts);
    }

    /** {@code host:port}, as Alertmanager's HostPort requires; the port must be a number Vigil can dial. */
    static void checkSmarthost(YamlSection section, String key, String value) {
        int colon = value.lastIndexOf(':');
        String port = colon < 0 ? "" : value.substring(colon + 1);
        if (colon <= 0 || !port.matches("\\d{1,5}") || Integer.parseInt(port) == 0 || Integer.parseInt(port) > 65535) {
            throw section.error(key, "\"" + value + "\" is not host:port, e.g. smtp.example.com:587");
        }
    }

    /** Splits {@code to} on commas outside quotes and angle brackets, so {@code "Doe, J" <j@x>} stays whole. */
    private static List<String> addresses(YamlSection section, String to) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        for (char c : (to + ",").toCharArray()) {
            if (c == ',' && !quoted && angle == 0) {
                String address = current.toString().strip();
                if (address.isEmpty()) {
                    throw section.error("to", "empty address in \"" + to + "\"");
                }
                out.add(address);
                current.setLength(0);
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '<' && !quoted) {
                angle++;
            } else if (c == '>' && !quoted && angle > 0) {
                angle--;
            }
            current.append(c);
        }
        return out;
    }

    /** Header names in Go's canonical form ({@code subject} is {@code Subject}), as Alertmanager compares them. */
    private static Map<String, String> headers(YamlSection section) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : section.stringMap("headers").entrySet()) {
            String name = canonicalHeader(header.getKey());
            if (out.put(name, header.getValue()) != null) {
                throw section.document().error(section.pointerOf("headers").appendProperty(header.getKey()),
                        "duplicate header \"" + name + "\" in email config");
            }
        }
        return out;
    }

    private static String canonicalHeader(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return out.toString();
    }
}
