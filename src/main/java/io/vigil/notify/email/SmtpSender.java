package io.vigil.notify.email;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.MailResult;
import io.vertx.ext.mail.StartTLSOptions;
import io.vigil.notify.Secret;
import io.vigil.notify.config.EmailConfig;
import io.vigil.notify.delivery.DeliveryResult;

/**
 * Sends over SMTP with the Vert.x mail client. Quarkus' own {@code Mailer} is bound to {@code quarkus.mailer.*},
 * while each email config names its own smarthost, so each message gets a client (and a connection) of its own,
 * closed once it is sent, as Alertmanager dials a connection per notification. Shared, pooled clients stalled now
 * and then until the attempt's timeout when reused or used twice at once (EmailDeliveryTest, OutboxRestartIT).
 */
final class SmtpSender implements AutoCloseable {

    /** Alertmanager speaks TLS from the first byte on this port (SMTPS), and STARTTLS elsewhere. */
    static final int SMTPS_PORT = 465;

    private final Vertx vertx;

    /** Where and as whom to connect; the password is a {@link Secret}, which prints as hidden. */
    record Server(String host, int port, boolean requireTls, String username, Secret password) {
    }

    SmtpSender(Vertx vertx) {
        this.vertx = vertx;
    }

    DeliveryResult send(EmailMessage email, EmailConfig config, Duration timeout) {
        MailClient client = MailClient.create(vertx, mailConfig(server(config), timeout));
        try {
            return send(client, email, timeout);
        } finally {
            client.close();
        }
    }

    private static DeliveryResult send(MailClient client, EmailMessage email, Duration timeout) {
        Future<MailResult> sent;
        try {
            sent = client.sendMail(message(email)).toCompletionStage().toCompletableFuture();
        } catch (IllegalArgumentException e) {
            // A smarthost without a numeric port, an address the client cannot even parse.
            return DeliveryResult.permanent(null, e.getMessage(), "clientError");
        }
        try {
            MailResult result = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            // The client keeps no reply text on success; servers answer the end of DATA with 250.
            return DeliveryResult.delivered(250, "accepted " + result.getMessageID());
        } catch (TimeoutException e) {
            return DeliveryResult.retry(null, "timed out after " + timeout.toMillis() + " ms", "timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.retry(null, "interrupted", "other");
        } catch (ExecutionException e) {
            return SmtpFailures.classify(e.getCause());
        }
    }

    private static Server server(EmailConfig config) {
        String username = emptyToNull(config.authUsername());
        return new Server(config.host(), config.port(), config.requireTls(), username,
                username == null ? null : config.authPassword());
    }

    private static MailConfig mailConfig(Server server, Duration timeout) {
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE / 2, timeout.toMillis());
        MailConfig config = new MailConfig().setHostname(server.host()).setPort(server.port())
                .setSsl(server.port() == SMTPS_PORT)
                .setStarttls(server.port() == SMTPS_PORT ? StartTLSOptions.DISABLED
                        : server.requireTls() ? StartTLSOptions.REQUIRED : StartTLSOptions.OPTIONAL)
                .setHostnameVerificationAlgorithm("HTTPS")
                .setConnectTimeout(timeoutMillis)
                // Past the attempt's own timeout, so that a stalled server is reported as a timeout; the socket
                // is still closed soon after.
                .setIdleTimeout(2 * timeoutMillis).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setAuthMethods("PLAIN LOGIN CRAM-MD5")
                .setMaxPoolSize(1).setKeepAlive(false)
                .setUserAgent("vigil");
        if (server.username() != null) {
            config.setLogin(LoginOption.REQUIRED).setUsername(server.username())
                    .setPassword(server.password() == null ? "" : server.password().value());
        } else {
            config.setLogin(LoginOption.DISABLED);
        }
        return config;
    }

    private static MailMessage message(EmailMessage email) {
        MailMessage message = new MailMessage().setFrom(email.from()).setTo(email.to()).setSubject(email.subject())
                .setText(email.text()).setHtml(email.html());
        if (!email.headers().isEmpty()) {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            email.headers().forEach((name, value) -> headers.add(name, MimeHeaders.encode(value)));
            message.setHeaders(headers);
        }
        return message;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public void close() {
        // nothing is kept between messages
    }
}
