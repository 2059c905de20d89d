package io.vigil.notify.email;

import static io.vigil.notify.delivery.DeliveryResult.Outcome.DELIVERED;
import static io.vigil.notify.delivery.DeliveryResult.Outcome.PERMANENT;
import static io.vigil.notify.delivery.DeliveryResult.Outcome.RETRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.vertx.core.Vertx;
import io.vigil.notify.Secret;
import io.vigil.notify.config.EmailConfig;
import io.vigil.notify.delivery.DeliveryResult;
import io.vigil.notify.delivery.NotificationData;
import io.vigil.notify.delivery.Notifications;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

class EmailDeliveryTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String PASSWORD = "pa55-w0rd-never-shown";

    private static GreenMail smtp;
    private static Vertx vertx;
    private static EmailNotifier notifier;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        smtp.setUser("alerts@vigil.test", "alerts", PASSWORD);
        vertx = Vertx.vertx();
        notifier = new EmailNotifier(vertx);
    }

    @AfterAll
    static void stop() {
        notifier.close();
        vertx.close();
        smtp.stop();
    }

    @BeforeEach
    void empty() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void aFiringAndThenAResolvedNotificationArriveAsTwoMails() throws Exception {
        EmailConfig config = config(smtpHost(), null, null, false);

        DeliveryResult firing = send(Notifications.firing(), config);
        DeliveryResult resolved = send(Notifications.resolved(), config);

        assertThat(firing.outcome()).isEqualTo(DELIVERED);
        assertThat(firing.httpStatus()).isEqualTo(250);
        assertThat(resolved.outcome()).isEqualTo(DELIVERED);
        assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage[] mails = smtp.getReceivedMessagesForDomain("vigil.test");
        assertThat(mails).hasSize(2);

        MimeMessage first = mails[0];
        assertThat(first.getSubject()).isEqualTo("[FIRING:2] InstanceDown api (production critical)");
        assertThat(first.getFrom()[0].toString()).isEqualTo("vigil@vigil.test");
        assertThat(first.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("oncall@vigil.test");
        assertThat(first.getHeader("References")[0]).matches("<[0-9a-f]{32}@vigil>");
        String text = part(first, "text/plain");
        String html = part(first, "text/html");
        for (String body : List.of(text, html)) {
            assertThat(body).contains("alertname = InstanceDown", "instance = api-1:8080", "instance = api-2:8080",
                    "summary = api-1:8080 is down", "description = No reply from api-2:8080 for 1m",
                    "2026-03-01T10:00:00Z", Notifications.INCIDENT_URL).doesNotContain("2026-03-01T10:12:00Z");
        }
        assertThat(text).contains("Started: 2026-03-01T10:00:00Z",
                "Source: http://prometheus.example/graph?g0.expr=up%3D%3D0&g0.tab=1");
        assertThat(html).contains("<a href=\"https://vigil.example/incidents/42\"");

        MimeMessage second = mails[1];
        assertThat(second.getSubject()).isEqualTo("[RESOLVED] InstanceDown api (production critical)");
        assertThat(part(second, "text/plain")).contains("2 resolved:", "Ended: 2026-03-01T10:12:00Z",
                "Incident: " + Notifications.INCIDENT_URL);
        assertThat(second.getHeader("References")).isEqualTo(first.getHeader("References"));
    }

    @Test
    void loggingInWithTheRightPasswordDelivers() throws Exception {
        DeliveryResult result = send(Notifications.firing(), config(smtpHost(), "alerts", PASSWORD, false));

        assertThat(result.outcome()).isEqualTo(DELIVERED);
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
    }

    @Test
    void aRejectedLoginIsPermanentWithTheReplyCode() {
        DeliveryResult result = send(Notifications.firing(), config(smtpHost(), "alerts", "wrong-password", false));

        assertThat(result.outcome()).isEqualTo(PERMANENT);
        assertThat(result.httpStatus()).isEqualTo(535);
        assertThat(result.reason()).isEqualTo("clientError");
        assertThat(result.reply()).contains("AUTH").contains("535").doesNotContain("wrong-password");
    }

    @Test
    void requiredTlsWithAServerThatOffersNoStarttlsIsPermanent() {
        // GreenMail does not offer STARTTLS, which is what require_tls guards against.
        DeliveryResult result = send(Notifications.firing(), config(smtpHost(), null, null, true));

        assertThat(result.outcome()).isEqualTo(PERMANENT);
        assertThat(result.reason()).isEqualTo("clientError");
        assertThat(result.reply()).contains("STARTTLS");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsRetried() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        DeliveryResult result = send(Notifications.firing(), config("127.0.0.1:" + closed, null, null, false));

        assertThat(result.outcome()).isEqualTo(RETRY);
        assertThat(result.reason()).isEqualTo("network");
        assertThat(result.httpStatus()).isNull();
        assertThat(result.reply()).containsIgnoringCase("connection");
    }

    @Test
    void aMailboxRejectedWith550IsPermanent() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(
                Map.of("RCPT", "550 5.1.1 <oncall@vigil.test>: mailbox unavailable"))) {
            DeliveryResult result = send(Notifications.firing(),
                    config("127.0.0.1:" + server.port(), null, null, false));

            assertThat(result.outcome()).isEqualTo(PERMANENT);
            assertThat(result.httpStatus()).isEqualTo(550);
            assertThat(result.reason()).isEqualTo("clientError");
            assertThat(result.reply()).contains("recipient address not accepted", "mailbox unavailable");
        }
    }

    @Test
    void aTemporaryRejectionIsRetriedWithItsCode() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(
                Map.of("END-OF-DATA", "451 4.3.0 try again later"))) {
            DeliveryResult result = send(Notifications.firing(),
                    config("127.0.0.1:" + server.port(), null, null, false));

            assertThat(result.outcome()).isEqualTo(RETRY);
            assertThat(result.httpStatus()).isEqualTo(451);
            assertThat(result.reason()).isEqualTo("serverError");
            assertThat(result.reply()).contains("try again later");
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.silent()) {
            EmailConfig config = config("127.0.0.1:" + server.port(), null, null, false);

            long start = System.nanoTime();
            DeliveryResult result = notifier.deliver(notifier.render(Notifications.firing(), config), config,
                    Duration.ofMillis(500));

            assertThat(result.outcome()).isEqualTo(RETRY);
            assertThat(result.reason()).isEqualTo("timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    private static DeliveryResult send(NotificationData data, EmailConfig config) {
        return notifier.deliver(notifier.render(data, config), config, TIMEOUT);
    }

    private static String smtpHost() {
        return "127.0.0.1:" + smtp.getSmtp().getPort();
    }

    static EmailConfig config(String smarthost, String username, String password, boolean requireTls) {
        return new EmailConfig(0, true, List.of("oncall@vigil.test"), "vigil@vigil.test", smarthost, username,
                password == null ? null : new Secret(password), requireTls, Map.of());
    }

    private static String part(MimeMessage mail, String type) throws Exception {
        List<BodyPart> parts = new ArrayList<>();
        collect((MimeMultipart) mail.getContent(), parts);
        for (BodyPart part : parts) {
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    private static void collect(MimeMultipart multipart, List<BodyPart> parts) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart nested) {
                collect(nested, parts);
            } else {
                parts.add(part);
            }
        }
    }
}
