package io.vigil.probe.rdap;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.probe.ProbeFailure;

/** The dates in an RDAP domain object's {@code events} (RFC 9083 section 4.5). */
final class RdapEvents {

    private RdapEvents() {
    }

    /**
     * When the registration expires: the {@code eventDate} of the {@code expiration} event, or empty when the registry
     * publishes none (some ccTLDs never do). Should a registry list several, the earliest is taken, so that an alert
     * comes too early rather than too late.
     */
    static Optional<Instant> expiration(JsonNode domain) throws ProbeFailure {
        Instant earliest = null;
        for (JsonNode event : domain.path("events")) {
            if (!"expiration".equals(event.path("eventAction").asText("").toLowerCase(Locale.ROOT))) {
                continue;
            }
            Instant at = instant(event.path("eventDate").asText(null));
            if (earliest == null || at.isBefore(earliest)) {
                earliest = at;
            }
        }
        return Optional.ofNullable(earliest);
    }

    /** RFC 3339 as the RFC asks; a date-time without an offset, which some registries send, is read as UTC. */
    private static Instant instant(String date) throws ProbeFailure {
        if (date == null) {
            throw new ProbeFailure("the registry's expiration event has no eventDate");
        }
        try {
            return OffsetDateTime.parse(date).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(date).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new ProbeFailure("the registry's expiration eventDate \"" + date
                        + "\" is not an RFC 3339 date-time");
            }
        }
    }
}
