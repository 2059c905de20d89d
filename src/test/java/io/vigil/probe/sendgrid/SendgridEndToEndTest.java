package io.vigil.probe.sendgrid;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** From vigil.yaml to /q/metrics: the sendgrid probe's samples as Prometheus scrapes them, to the digit. */
@QuarkusTest
@WithTestResource(FakeSendgrid.class)
class SendgridEndToEndTest {

    @Test
    void threeDaysOfMailShowAsCountsAndRatios() {
        run("mail").then().statusCode(200).body("success", equalTo(true));

        assertThat(metrics()).contains(
                "probe_success{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 1.0",
                "probe_sendgrid_requests{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 20042.0",
                "probe_sendgrid_processed{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 20000.0",
                "probe_sendgrid_delivered{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 19000.0",
                "probe_sendgrid_bounces{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 500.0",
                "probe_sendgrid_blocks{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 272.0",
                "probe_sendgrid_deferred{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 1000.0",
                "probe_sendgrid_drops{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 16.0",
                "probe_sendgrid_spam_reports{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 19.0",
                "probe_sendgrid_unique_opens{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 6650.0",
                "probe_sendgrid_unique_clicks{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 2090.0",
                "probe_sendgrid_delivery_ratio{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 0.95",
                "probe_sendgrid_bounce_ratio{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 0.025",
                "probe_sendgrid_spam_report_ratio{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 0.001",
                "probe_sendgrid_open_ratio{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 0.35",
                "probe_sendgrid_click_ratio{probe=\"mail\",service=\"mail\",type=\"sendgrid\",} 0.11",
                "# HELP probe_sendgrid_delivery_ratio SendGrid delivered / processed. Absent when the denominator is 0.",
                "# TYPE probe_sendgrid_delivery_ratio gauge");
    }

    @Test
    void categoriesAreSummedAcrossCategoriesAndDays() {
        run("mail-categories").then().statusCode(200).body("success", equalTo(true));

        assertThat(metrics()).contains(
                "probe_sendgrid_processed{probe=\"mail-categories\",type=\"sendgrid\",} 625.0",
                "probe_sendgrid_delivered{probe=\"mail-categories\",type=\"sendgrid\",} 600.0",
                "probe_sendgrid_delivery_ratio{probe=\"mail-categories\",type=\"sendgrid\",} 0.96",
                "probe_sendgrid_click_ratio{probe=\"mail-categories\",type=\"sendgrid\",} 0.2");
    }

    @Test
    void daysWithNothingProcessedExportZeroCountsAndNoRatio() {
        run("mail-quiet").then().statusCode(200).body("success", equalTo(true));

        String metrics = metrics();
        assertThat(metrics).contains(
                "probe_sendgrid_requests{probe=\"mail-quiet\",type=\"sendgrid\",} 2.0",
                "probe_sendgrid_processed{probe=\"mail-quiet\",type=\"sendgrid\",} 0.0",
                "probe_sendgrid_delivered{probe=\"mail-quiet\",type=\"sendgrid\",} 0.0",
                "probe_sendgrid_drops{probe=\"mail-quiet\",type=\"sendgrid\",} 3.0");
        assertThat(metrics).doesNotContainPattern("probe_sendgrid_\\w+_ratio\\{probe=\"mail-quiet\"");
    }

    @Test
    void ratiosDisappearWhenMailStops() {
        run("mail-drying-up").then().statusCode(200);
        assertThat(metrics()).contains("probe_sendgrid_open_ratio{probe=\"mail-drying-up\",type=\"sendgrid\",} 0.35");

        FakeSendgrid.dryUp();
        run("mail-drying-up").then().statusCode(200).body("success", equalTo(true));

        String metrics = metrics();
        assertThat(metrics).contains("probe_sendgrid_processed{probe=\"mail-drying-up\",type=\"sendgrid\",} 0.0")
                .doesNotContainPattern("probe_sendgrid_\\w+_ratio\\{probe=\"mail-drying-up\"");
    }

    @Test
    void aRevokedKeyFailsTheProbeAndIsShownNowhere() {
        run("mail-revoked").then().statusCode(200).body("success", equalTo(false)).body("error", equalTo(
                "SendGrid refused the credentials (HTTP 401) on /v3/stats: "
                        + "{\"errors\":[{\"field\":null,\"message\":\"authorization required\"}]}"));

        String metrics = metrics();
        assertThat(metrics).contains("probe_success{probe=\"mail-revoked\",type=\"sendgrid\",} 0.0")
                .doesNotContainPattern("probe_sendgrid_\\w+\\{probe=\"mail-revoked\"")
                .doesNotContain(FakeSendgrid.KEY).doesNotContain(FakeSendgrid.REVOKED_KEY);
        assertThat(given().get("/api/v1/probes").asString())
                .doesNotContain(FakeSendgrid.KEY).doesNotContain(FakeSendgrid.REVOKED_KEY);
    }

    private static io.restassured.response.Response run(String probe) {
        return given().post("/api/v1/probes/" + probe + "/run");
    }

    private static String metrics() {
        return given().accept("text/plain; version=0.0.4").get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
