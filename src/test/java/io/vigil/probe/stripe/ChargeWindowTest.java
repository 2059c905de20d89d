package io.vigil.probe.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ChargeWindowTest {

    @Test
    void endsAtTheWholeSecondOfNowAndSpansTheWindow() {
        ChargeWindow window = ChargeWindow.endingAt(Instant.parse("2025-12-01T01:00:00.750Z"), Duration.ofHours(1));

        assertThat(window).isEqualTo(new ChargeWindow(1764547200L, 1764550800L));
    }

    @Test
    void encodesTheBracketsOfTheCreatedFilterAndAddsTheCursorOnlyAfterTheFirstPage() {
        ChargeWindow window = new ChargeWindow(1764547200L, 1764550800L);

        assertThat(window.page(URI.create("https://api.stripe.com"), null).toString()).isEqualTo(
                "https://api.stripe.com/v1/charges?created%5Bgte%5D=1764547200&created%5Blt%5D=1764550800&limit=100");
        assertThat(window.page(URI.create("http://127.0.0.1:8089/stripe/"), "ch_3QaB0xD2eF3gH4iJ1p2Q3r4S").toString())
                .isEqualTo("http://127.0.0.1:8089/stripe/v1/charges?created%5Bgte%5D=1764547200"
                        + "&created%5Blt%5D=1764550800&limit=100&starting_after=ch_3QaB0xD2eF3gH4iJ1p2Q3r4S");
        assertThat(window.page(URI.create("https://api.stripe.com"), "ch_a&b=c").getRawQuery())
                .endsWith("&starting_after=ch_a%26b%3Dc");
    }
}
