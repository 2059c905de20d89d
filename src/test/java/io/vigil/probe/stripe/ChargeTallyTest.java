package io.vigil.probe.stripe;

import static io.vigil.probe.stripe.StripeCharges.failed;
import static io.vigil.probe.stripe.StripeCharges.page;
import static io.vigil.probe.stripe.StripeCharges.pending;
import static io.vigil.probe.stripe.StripeCharges.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.probe.ProbeFailure;

class ChargeTallyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long AT = 1764549011L;

    @Test
    void countsEveryPageAndFollowsTheLastIdUntilHasMoreIsFalse() throws Exception {
        ChargeTally tally = new ChargeTally();

        assertThat(tally.add(json(page(true, succeeded("ch_1", AT), failed("ch_2", AT, "card_declined"),
                pending("ch_3", AT))))).contains("ch_3");
        assertThat(tally.add(json(page(true, failed("ch_4", AT, "expired_card"), succeeded("ch_5", AT),
                succeeded("ch_6", AT))))).contains("ch_6");
        assertThat(tally.add(json(page(false, failed("ch_7", AT, "card_declined"), failed("ch_8", AT, null)))))
                .isEmpty();

        assertThat(tally.succeeded()).isEqualTo(3);
        assertThat(tally.failed()).isEqualTo(4);
        assertThat(tally.pending()).isEqualTo(1);
        assertThat(tally.successRatio()).hasValue(3.0 / 7);
        assertThat(tally.failuresByCode()).containsExactly(Map.entry("card_declined", 2L),
                Map.entry("expired_card", 1L), Map.entry("unknown", 1L));
    }

    @Test
    void hasNoRatioWhenNothingSettledAndCountsNoFailureCodesOfOtherStatuses() throws Exception {
        ChargeTally tally = new ChargeTally();

        assertThat(tally.add(json(page(false, pending("ch_1", AT), pending("ch_2", AT))))).isEqualTo(Optional.empty());

        assertThat(tally.pending()).isEqualTo(2);
        assertThat(tally.successRatio()).isEmpty();
        assertThat(tally.failuresByCode()).isEmpty();
        assertThat(new ChargeTally().successRatio()).isEmpty();
    }

    @Test
    void aFailedChargeWithABlankOrMissingCodeCountsAsUnknown() throws Exception {
        ChargeTally tally = new ChargeTally();

        tally.add(json("{\"object\":\"list\",\"has_more\":false,\"data\":[{\"id\":\"ch_1\",\"status\":\"failed\"},"
                + "{\"id\":\"ch_2\",\"status\":\"failed\",\"failure_code\":\"\"}]}"));

        assertThat(tally.failuresByCode()).containsExactly(Map.entry("unknown", 2L));
        assertThat(tally.successRatio()).hasValue(0.0);
    }

    @Test
    void refusesPagesThatAreNotListsOrWouldNeverEnd() throws Exception {
        assertThatThrownBy(() -> new ChargeTally().add(json("{\"object\":\"list\",\"has_more\":false}")))
                .isInstanceOf(ProbeFailure.class).hasMessageContaining("other than a list");
        assertThatThrownBy(() -> new ChargeTally().add(json("{\"error\":{\"type\":\"api_error\"}}")))
                .isInstanceOf(ProbeFailure.class).hasMessageContaining("other than a list");
        assertThatThrownBy(() -> new ChargeTally().add(json(page(true))))
                .isInstanceOf(ProbeFailure.class).hasMessageContaining("no charge id to continue after");

        ChargeTally looping = new ChargeTally();
        looping.add(json(page(true, succeeded("ch_1", AT))));
        assertThatThrownBy(() -> looping.add(json(page(true, succeeded("ch_1", AT)))))
                .isInstanceOf(ProbeFailure.class).hasMessage("Stripe answered the page after ch_1 again on /v1/charges");
    }

    private static JsonNode json(String text) throws JsonProcessingException {
        return JSON.readTree(text);
    }
}
