package io.vigil.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With VIGIL_API_READ_AUTH=true, reading the API needs a token too; health and metrics stay open. */
@QuarkusTest
@TestProfile(ApiReadAuthTest.ReadAuth.class)
class ApiReadAuthTest {

    public static class ReadAuth implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.api.read-auth", "true");
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL vigil;

    private int status(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(vigil.toString()).resolve(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void readsNeedATokenAndOperatorsEndpointsDoNot() throws Exception {
        assertThat(status("api/v1/probes", null)).isEqualTo(401);
        assertThat(status("api/v1/probes", "Bearer wrong")).isEqualTo(403);
        assertThat(status("api/v1/probes", "Bearer test-token")).isEqualTo(200);
        assertThat(status("q/health/live", null)).isEqualTo(200);
        assertThat(status("q/metrics", null)).isEqualTo(200);
    }
}
