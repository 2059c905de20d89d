package io.vigil.notify.slack;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The JSON body of a Slack incoming-webhook post. The colour bar exists only on (legacy) attachments, hence one.
 *
 * @param channel   null to post where the webhook was created for; Slack ignores it for app webhooks
 * @param iconEmoji e.g. {@code :rotating_light:}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlackMessage(String channel, String username, @JsonProperty("icon_emoji") String iconEmoji,
        String text, List<Attachment> attachments) {

    /**
     * @param color {@code danger} while anything fires, {@code good} once all is resolved
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attachment(String color, String fallback, String title, @JsonProperty("title_link") String titleLink,
            String text, @JsonProperty("mrkdwn_in") List<String> mrkdwnIn) {
    }
}
