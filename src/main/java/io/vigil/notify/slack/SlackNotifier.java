package io.vigil.notify.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.vigil.notify.config.SlackConfig;
import io.vigil.notify.delivery.DeliveryResult;
import io.vigil.notify.delivery.HttpDelivery;
import io.vigil.notify.delivery.NotificationData;
import io.vigil.notify.delivery.NotificationJson;
import io.vigil.notify.delivery.NotificationTemplateData;
import io.vigil.notify.delivery.NotificationTemplates;
import io.vigil.notify.delivery.Notifier;
import io.vigil.rule.template.GoTemplate;

/**
 * Slack incoming webhooks, as Alertmanager's {@code slack_configs} with an {@code api_url}: the message comes from
 * {@code vigil/templates/slack.tmpl}, and the webhook URL, which is the credential, is read only when sending.
 */
@ApplicationScoped
public class SlackNotifier implements Notifier<SlackConfig> {

    /** Slack's advice for {@code text}; it cuts longer messages itself, at 40,000. */
    static final int MAX_TEXT = 4000;
    /** Far below the message limit, so that a storm of alerts still gives a message a person can read. */
    static final int MAX_ATTACHMENT_TEXT = 8000;

    private static final String FILE = "slack.tmpl";
    private static final GoTemplate TEXT = NotificationTemplates.part(FILE, "slack.text");
    private static final GoTemplate FALLBACK = NotificationTemplates.part(FILE, "slack.fallback");
    private static final GoTemplate TITLE = NotificationTemplates.part(FILE, "slack.title");
    private static final GoTemplate ATTACHMENT_TEXT = NotificationTemplates.part(FILE, "slack.attachment.text");

    private final HttpDelivery http;

    public SlackNotifier() {
        this(Clock.systemUTC());
    }

    SlackNotifier(Clock clock) {
        this.http = new HttpDelivery(clock);
    }

    @Override
    public Class<SlackConfig> configType() {
        return SlackConfig.class;
    }

    @Override
    public String render(NotificationData data, SlackConfig config) {
        Map<String, Object> dot = NotificationTemplateData.of(data, SlackNotifier::escape);
        String url = data.externalUrl();
        String incident = data.incidentUrl();
        SlackMessage.Attachment attachment = new SlackMessage.Attachment(
                "firing".equals(data.status()) ? "danger" : "good",
                truncate(NotificationTemplates.execute(FALLBACK, dot, url), MAX_TEXT),
                NotificationTemplates.execute(TITLE, dot, url),
                incident == null || incident.isEmpty() ? null : incident,
                truncate(NotificationTemplates.execute(ATTACHMENT_TEXT, dot, url), MAX_ATTACHMENT_TEXT),
                List.of("text"));
        return NotificationJson.write(new SlackMessage(emptyToNull(config.channel()), emptyToNull(config.username()),
                emptyToNull(config.iconEmoji()), truncate(NotificationTemplates.execute(TEXT, dot, url), MAX_TEXT),
                List.of(attachment)));
    }

    /** Slack takes about one message a second per webhook and answers 429 beyond it. */
    @Override
    public Duration spacing() {
        return Duration.ofSeconds(1);
    }

    @Override
    public String pacingKey(SlackConfig config) {
        return config.apiUrl().value();
    }

    @Override
    public DeliveryResult deliver(String message, SlackConfig config, Duration timeout) {
        return http.postJson(config.apiUrl(), message, timeout);
    }

    @PreDestroy
    public void close() {
        http.close();
    }

    /** Slack reads {@code &}, {@code <} and {@code >} as markup: a label value must not become a link or a ping. */
    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Cuts at a line end where there is one, so that no {@code <url|link>} is cut in half, and says that it did.
     */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String marker = "\n…";
        int cut = text.lastIndexOf('\n', max - marker.length());
        if (cut <= 0) {
            int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
            return text.substring(0, end) + "…";
        }
        return text.substring(0, cut) + marker;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
