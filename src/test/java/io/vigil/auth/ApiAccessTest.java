package io.vigil.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Writes need a token of VIGIL_API_TOKENS (the test profile has tester:test-token); reads are open. */
@QuarkusTest
class ApiAccessTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL vigil;

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(vigil.toString()).resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aWriteWithoutATokenIsUnauthorized() throws Exception {
        HttpResponse<String> answer = send("POST", "api/v1/config/reload", null);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"vigil\"");
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JsonPath.from(answer.body()).getString("detail"))
                .isEqualTo("Authorization: a bearer token from VIGIL_API_TOKENS is required to change anything");
    }

    @Test
    void aWriteWithAnUnknownTokenIsForbidden() throws Exception {
        HttpResponse<String> answer = send("DELETE", "api/v1/silences/x", "Bearer not-the-token");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(JsonPath.from(answer.body()).getString("detail"))
                .isEqualTo("Authorization: the token is not one of VIGIL_API_TOKENS");
    }

    @Test
    void aWriteWithAKnownTokenGoesThrough() throws Exception {
        assertThat(send("POST", "api/v1/config/reload", "Bearer test-token").statusCode()).isEqualTo(200);
        assertThat(send("POST", "api/v1/config/reload", "bearer test-token").statusCode()).isEqualTo(200);
    }

    @Test
    void readsAndTheOperatorsEndpointsAreOpen() throws Exception {
        assertThat(send("GET", "api/v1/silences", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "api/v1/notifications", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "q/health/ready", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "q/metrics", null).statusCode()).isEqualTo(200);
    }
}
