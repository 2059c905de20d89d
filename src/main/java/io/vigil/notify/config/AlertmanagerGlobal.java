package io.vigil.notify.config;

import java.time.Duration;

/**
 * The {@code global:} section that Vigil reads. SMTP and Slack defaults are copied into each integration by the
 * parser; what remains here is used by the dispatcher.
 *
 * @param resolveTimeout how long an alert posted to {@code /api/v2/alerts} without {@code endsAt} stays firing
 *                       without being posted again (Alertmanager default 5m)
 */
public record AlertmanagerGlobal(Duration resolveTimeout) {

    public static final Duration DEFAULT_RESOLVE_TIMEOUT = Duration.ofMinutes(5);
}
