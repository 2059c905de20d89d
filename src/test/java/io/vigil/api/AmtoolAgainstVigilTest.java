package io.vigil.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vigil.testsupport.Amtool;
import io.vigil.testsupport.ApiTokenForTests;

/** The real amtool, pointed at Vigil as at an Alertmanager: alerts it posts show up, silences come and go. */
@QuarkusTest
class AmtoolAgainstVigilTest {

    @TestHTTPResource("/")
    URL vigil;

    @TempDir
    Path directory;

    private Amtool.Result amtool(String... args) throws IOException {
        // amtool's own way to send a bearer token: an http_config file
        Path httpConfig = directory.resolve("http.yml");
        Files.writeString(httpConfig, "authorization:\n  credentials: " + ApiTokenForTests.TOKEN + "\n");
        String[] all = new String[args.length + 2];
        all[0] = "--alertmanager.url=" + vigil;
        all[1] = "--http.config.file=" + httpConfig;
        System.arraycopy(args, 0, all, 2, args.length);
        Amtool.Result result = Amtool.run(all);
        assertThat(result.exitCode()).as("amtool %s%n%s", String.join(" ", args), result.output()).isZero();
        return result;
    }

    @Test
    void amtoolQueriesAlertsAndAddsQueriesAndExpiresSilences() throws IOException {
        given().contentType("application/json").body("""
                [{"labels": {"alertname": "AmtoolDemo", "service": "api", "severity": "warning"},
                  "annotations": {"summary": "API latency high"}}]
                """).post("/api/v2/alerts").then().statusCode(200);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonPath alerts = JsonPath.from(amtool("alert", "query", "-o", "json", "alertname=AmtoolDemo").output());
            assertThat(alerts.getList("")).hasSize(1);
            assertThat(alerts.getString("[0].labels.service")).isEqualTo("api");
            assertThat(alerts.getString("[0].annotations.summary")).isEqualTo("API latency high");
            assertThat(alerts.getString("[0].status.state")).isEqualTo("active");
        });

        String id = amtool("silence", "add", "alertname=AmtoolDemo", "--comment=rolling deploy", "--author=alice",
                "--duration=1h").output().strip();
        given().get("/api/v1/silences/" + id).then().statusCode(200).body("status.state", equalTo("active"))
                .body("createdBy", equalTo("alice")).body("comment", equalTo("rolling deploy"));
        assertThat(amtool("silence", "query", "-q", "alertname=AmtoolDemo").output()).contains(id);

        // silenced now: hidden by default, shown as suppressed when asked for
        assertThat(JsonPath.from(amtool("alert", "query", "-o", "json", "alertname=AmtoolDemo").output())
                .getList("")).isEmpty();
        JsonPath silenced = JsonPath.from(amtool("alert", "query", "-o", "json", "--silenced", "alertname=AmtoolDemo")
                .output());
        assertThat(silenced.getString("[0].status.state")).isEqualTo("suppressed");
        assertThat(silenced.getList("[0].status.silencedBy")).containsExactly(id);

        amtool("silence", "expire", id);
        given().get("/api/v1/silences/" + id).then().body("status.state", equalTo("expired"));
        assertThat(amtool("silence", "query", "-q", "alertname=AmtoolDemo").output()).doesNotContain(id);
    }
}
