package io.vigil.notify.email;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import io.vigil.notify.config.EmailConfig;
import io.vigil.notify.delivery.DeliveryResult;
import io.vigil.notify.delivery.NotificationData;
import io.vigil.notify.delivery.NotificationJson;
import io.vigil.notify.delivery.NotificationTemplateData;
import io.vigil.notify.delivery.NotificationTemplates;
import io.vigil.notify.delivery.Notifier;
import io.vigil.storage.Hashes;
import io.vigil.rule.template.GoTemplate;

/**
 * Email, as Alertmanager's {@code email_configs}: a text and an HTML part from {@code vigil/templates/email.*.tmpl},
 * sent over SMTP to the config's smarthost. Header values in the config are templates, as in Alertmanager.
 */
@ApplicationScoped
public class EmailNotifier implements Notifier<EmailConfig> {

    private static final GoTemplate SUBJECT = NotificationTemplates.part("email.subject.tmpl", "email.subject");
    private static final GoTemplate TEXT = NotificationTemplates.part("email.txt.tmpl", "email.text");
    private static final GoTemplate HTML = NotificationTemplates.part("email.html.tmpl", "email.html");
    /** Header templates come from the config, so a reload can bring new ones; past this many, start afresh. */
    private static final int MAX_HEADER_TEMPLATES = 256;

    private final SmtpSender smtp;
    private final Map<String, GoTemplate> headerTemplates = new ConcurrentHashMap<>();

    @Inject
    public EmailNotifier(Vertx vertx) {
        this.smtp = new SmtpSender(vertx);
    }

    @Override
    public Class<EmailConfig> configType() {
        return EmailConfig.class;
    }

    @Override
    public String render(NotificationData data, EmailConfig config) {
        Map<String, Object> dot = NotificationTemplateData.of(data, UnaryOperator.identity());
        String subject = oneLine(NotificationTemplates.execute(SUBJECT, dot, data.externalUrl()));
        Map<String, String> headers = new TreeMap<>();
        for (Map.Entry<String, String> header : config.headers().entrySet()) {
            String value = oneLine(NotificationTemplates.execute(headerTemplate(header.getValue()), dot,
                    data.externalUrl()));
            if (header.getKey().equalsIgnoreCase("Subject")) {
                subject = value;
            } else {
                headers.put(header.getKey(), value);
            }
        }
        if (headers.keySet().stream().noneMatch("References"::equalsIgnoreCase)) {
            headers.put("References", threadId(data));
        }
        dot.put("Subject", subject);
        String text = NotificationTemplates.execute(TEXT, dot, data.externalUrl()) + "\n";
        String html = NotificationTemplates.execute(HTML, dot, data.externalUrl()) + "\n";
        return NotificationJson.write(new EmailMessage(subject, text, html, config.to(), config.from(), headers));
    }

    @Override
    public DeliveryResult deliver(String message, EmailConfig config, Duration timeout) {
        EmailMessage email;
        try {
            email = NotificationJson.read(message, EmailMessage.class);
        } catch (IllegalArgumentException e) {
            return DeliveryResult.permanent(null, e.getMessage(), "other");
        }
        return smtp.send(email, config, timeout);
    }

    @PreDestroy
    public void close() {
        smtp.close();
    }

    private GoTemplate headerTemplate(String text) {
        if (headerTemplates.size() > MAX_HEADER_TEMPLATES) {
            headerTemplates.clear();
        }
        return headerTemplates.computeIfAbsent(text, t -> GoTemplate.parse("email header", t));
    }

    /** A header is one line: a template's newlines would end it, or smuggle in another header. */
    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]+", " ").strip();
    }

    /**
     * Every message of a group refers to the same made-up message id, so that mail readers that thread by
     * {@code References} keep a group's notifications, firing to resolved, together.
     */
    private static String threadId(NotificationData data) {
        return "<" + Hashes.sha256Hex(data.receiver(), data.groupKey()).substring(0, 32) + "@vigil>";
    }
}
