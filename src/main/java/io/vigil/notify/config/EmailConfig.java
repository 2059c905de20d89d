package io.vigil.notify.config;

import java.util.List;
import java.util.Map;

import io.vigil.notify.Secret;

/**
 * An {@code email_configs} entry with the {@code global} SMTP defaults applied.
 *
 * @param to          recipients (Alertmanager's {@code to} is a comma-separated list)
 * @param smarthost   {@code host:port}
 * @param authPassword null when no authentication is configured
 * @param requireTls  STARTTLS is required (Alertmanager default true)
 * @param headers     extra headers; a {@code Subject} here replaces the default subject
 */
public record EmailConfig(int index, boolean sendResolved, List<String> to, String from, String smarthost,
        String authUsername, Secret authPassword, boolean requireTls, Map<String, String> headers)
        implements IntegrationConfig {

    public EmailConfig {
        to = List.copyOf(to);
        headers = Map.copyOf(headers);
    }

    @Override
    public String integration() {
        return "email";
    }

    public String host() {
        int colon = smarthost.lastIndexOf(':');
        return colon < 0 ? smarthost : smarthost.substring(0, colon);
    }

    public int port() {
        int colon = smarthost.lastIndexOf(':');
        return colon < 0 ? 25 : Integer.parseInt(smarthost.substring(colon + 1));
    }
}
