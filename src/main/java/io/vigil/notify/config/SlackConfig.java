package io.vigil.notify.config;

import io.vigil.notify.Secret;

/**
 * A {@code slack_configs} entry with {@code global.slack_api_url} applied. The webhook URL is the credential.
 *
 * @param channel  null to post where the webhook was created for
 * @param username null to keep the app's name
 */
public record SlackConfig(int index, boolean sendResolved, Secret apiUrl, String channel, String username,
        String iconEmoji) implements IntegrationConfig {

    @Override
    public String integration() {
        return "slack";
    }
}
