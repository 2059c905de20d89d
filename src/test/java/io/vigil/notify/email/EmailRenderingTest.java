package io.vigil.notify.email;

import static io.vigil.notify.delivery.Notifications.FIRING_AT;
import static io.vigil.notify.delivery.Notifications.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vigil.notify.NotifiableAlert;
import io.vigil.notify.Notification;
import io.vigil.notify.config.EmailConfig;
import io.vigil.notify.delivery.NotificationData;
import io.vigil.notify.delivery.NotificationJson;
import io.vigil.notify.delivery.Notifications;
import io.vigil.notify.delivery.RenderException;
import io.vigil.sample.Labels;

class EmailRenderingTest {

    private static Vertx vertx;
    private static EmailNotifier notifier;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        notifier = new EmailNotifier(vertx);
    }

    @AfterAll
    static void stop() {
        notifier.close();
        vertx.close();
    }

    @Test
    void oneFiringAlertGroupedByAlertnameAndJob() {
        NotificationData data = group(Map.of("job", "api", "alertname", "Down"),
                alert(Labels.of("alertname", "Down", "job", "api"), null));

        assertThat(render(data).subject()).isEqualTo("[FIRING:1] Down api");
    }

    @Test
    void severalAlertsCountTheFiringOnesAndListCommonLabelsBeyondTheGroupLabels() {
        NotificationData data = group(Map.of("job", "api", "alertname", "Down"),
                alert(Labels.of("alertname", "Down", "job", "api", "zone", "eu", "env", "prod", "instance", "a"),
                        null),
                alert(Labels.of("alertname", "Down", "job", "api", "zone", "eu", "env", "prod", "instance", "b"),
                        null),
                alert(Labels.of("alertname", "Down", "job", "api", "zone", "eu", "env", "prod", "instance", "c"),
                        STARTED.plusSeconds(5)));

        // Group label values with alertname first, then the other common labels by name: env, zone.
        assertThat(render(data).subject()).isEqualTo("[FIRING:2] Down api (prod eu)");
    }

    @Test
    void groupLabelValuesFollowLabelNamesNotTheGroupByOrder() {
        NotificationData data = group(Map.of("zone", "eu", "cluster", "c1", "alertname", "Disk"),
                alert(Labels.of("alertname", "Disk", "cluster", "c1", "zone", "eu"), null));

        assertThat(render(data).subject()).isEqualTo("[FIRING:1] Disk c1 eu");
    }

    @Test
    void aResolvedGroupCarriesNoCount() {
        assertThat(render(Notifications.resolved()).subject())
                .isEqualTo("[RESOLVED] InstanceDown api (production critical)");
    }

    @Test
    void aGroupWithoutGroupLabelsHasOnlyTheCommonLabels() {
        NotificationData data = group(Map.of(), alert(Labels.of("alertname", "Down", "job", "api"), null));

        // Alertmanager's spacing: the empty list of group label values still has its space on either side.
        assertThat(render(data).subject()).isEqualTo("[FIRING:1]  (Down api)");
    }

    @Test
    void aSubjectHeaderReplacesTheSubjectAndHeaderValuesAreTemplates() {
        EmailConfig config = config(Map.of("Subject", "{{ .CommonLabels.alertname }} on {{ .GroupLabels.job }}",
                "X-Team", "ops\r\nBcc: someone@evil.example"));

        EmailMessage email = NotificationJson.read(notifier.render(Notifications.firing(), config),
                EmailMessage.class);

        assertThat(email.subject()).isEqualTo("InstanceDown on api");
        assertThat(email.headers()).containsEntry("X-Team", "ops Bcc: someone@evil.example")
                .doesNotContainKey("Subject").containsKey("References");
        assertThat(email.html()).contains("<title>InstanceDown on api</title>");
    }

    @Test
    void theHtmlPartEscapesWhatLabelsAndAnnotationsCarry() {
        NotifiableAlert alert = new NotifiableAlert(Labels.of("alertname", "Down", "path", "<script>alert(1)</script>"),
                Map.of("summary", "a & b \"quoted\""), STARTED, null, "javascript:alert(1)", false);
        NotificationData data = group(Map.of("alertname", "Down"), alert);

        EmailMessage email = render(data);

        assertThat(email.html()).contains("path = &lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("summary = a &amp; b &#34;quoted&#34;").doesNotContain("<script>")
                .doesNotContain("javascript:");
        assertThat(email.text()).contains("path = <script>alert(1)</script>").doesNotContain("javascript:");
    }

    @Test
    void theSameNotificationRendersToTheSameBytes() {
        assertThat(notifier.render(Notifications.firing(), config(Map.of())))
                .isEqualTo(notifier.render(Notifications.firing(), config(Map.of())));
    }

    @Test
    void aFailingHeaderTemplateIsARenderError() {
        EmailConfig config = config(Map.of("X-Broken", "{{ template \"nowhere\" . }}"));

        assertThatThrownBy(() -> notifier.render(Notifications.firing(), config))
                .isInstanceOf(RenderException.class).hasMessageContaining("nowhere");
    }

    private static EmailMessage render(NotificationData data) {
        return NotificationJson.read(notifier.render(data, config(Map.of())), EmailMessage.class);
    }

    private static EmailConfig config(Map<String, String> headers) {
        return new EmailConfig(0, true, List.of("oncall@vigil.test"), "vigil@vigil.test", "127.0.0.1:25", null, null,
                false, headers);
    }

    private static NotifiableAlert alert(Labels labels, Instant endsAt) {
        return new NotifiableAlert(labels, Map.of(), STARTED, endsAt, "", false);
    }

    private static NotificationData group(Map<String, String> groupLabels, NotifiableAlert... alerts) {
        Notification notification = new Notification("{}:{}", "ops", null, groupLabels, List.of(alerts),
                "first_notification", FIRING_AT, null);
        return NotificationData.of(notification, "https://vigil.example", null);
    }
}
