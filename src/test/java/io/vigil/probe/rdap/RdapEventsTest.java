package io.vigil.probe.rdap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.probe.ProbeFailure;

class RdapEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theExpirationEventIsTheExpiry() throws Exception {
        assertThat(RdapEvents.expiration(fixture("verisign-example-com.json")))
                .contains(Instant.parse("2027-08-13T04:00:00Z"));
    }

    @Test
    void anOffsetAndFractionalSecondsAreHonouredAndTheActionIsMatchedWhateverItsCase() throws Exception {
        assertThat(RdapEvents.expiration(fixture("offset-expiration.json")))
                .contains(Instant.parse("2027-09-19T08:21:06.612Z"));
    }

    @Test
    void noExpirationEventIsUnknown() throws Exception {
        assertThat(RdapEvents.expiration(fixture("denic-no-expiration.json"))).isEmpty();
        assertThat(RdapEvents.expiration(fixture("not-found.json"))).isEmpty();
    }

    @Test
    void ofSeveralExpirationsTheEarliestCountsAndOneWithoutOffsetIsUtc() throws Exception {
        JsonNode domain = json("{\"events\":[{\"eventAction\":\"expiration\",\"eventDate\":\"2028-01-01T00:00:00Z\"},"
                + "{\"eventAction\":\"expiration\",\"eventDate\":\"2027-06-30T12:00:00\"}]}");

        assertThat(RdapEvents.expiration(domain)).contains(Instant.parse("2027-06-30T12:00:00Z"));
    }

    @Test
    void anUnreadableDateFailsNamingIt() {
        assertThatThrownBy(() -> RdapEvents.expiration(json(
                "{\"events\":[{\"eventAction\":\"expiration\",\"eventDate\":\"13/08/2027\"}]}")))
                .isInstanceOf(ProbeFailure.class)
                .hasMessage("the registry's expiration eventDate \"13/08/2027\" is not an RFC 3339 date-time");
        assertThatThrownBy(() -> RdapEvents.expiration(json("{\"events\":[{\"eventAction\":\"expiration\"}]}")))
                .hasMessage("the registry's expiration event has no eventDate");
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = RdapEventsTest.class.getResourceAsStream("/rdap/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }
}
