package io.vigil.probe.api;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

/** An {@link ApiClient} for tests that run without CDI. */
public final class TestApiClient {

    private TestApiClient() {
    }

    public static ApiClient create(Clock clock) {
        ApiClient client = new ApiClient();
        client.json = new ObjectMapper();
        client.clock = clock;
        return client;
    }
}
