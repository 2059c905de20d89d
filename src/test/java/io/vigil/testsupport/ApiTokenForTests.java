package io.vigil.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;

/**
 * Every RestAssured request of a {@code @QuarkusTest} carries the test profile's API token
 * ({@code %test.vigil.api.tokens} in application.properties) unless it sets its own, as a user's client would;
 * ApiAccessTest checks what happens without one. Registered in META-INF/services.
 */
public class ApiTokenForTests implements QuarkusTestBeforeEachCallback {

    public static final String TOKEN = "test-token";
    public static final String NAME = "tester";

    private static final Filter BEARER = (request, response, context) -> {
        if (!request.getHeaders().hasHeaderWithName("Authorization")) {
            request.header("Authorization", "Bearer " + TOKEN);
        }
        return context.next(request, response);
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(BEARER)) {
            RestAssured.filters(BEARER);
        }
    }
}
