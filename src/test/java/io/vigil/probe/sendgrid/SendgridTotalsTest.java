package io.vigil.probe.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class SendgridTotalsTest {

    private static final SendgridTotals WEEKDAY =
            new SendgridTotals(20042, 20000, 19000, 500, 272, 1000, 16, 19, 6650, 2090);

    @Test
    void theRatiosAreTheContractsFormulas() {
        assertThat(WEEKDAY.deliveryRatio()).hasValue(0.95);
        assertThat(WEEKDAY.bounceRatio()).hasValue(0.025);
        assertThat(WEEKDAY.spamReportRatio()).hasValue(0.001);
        assertThat(WEEKDAY.openRatio()).hasValue(0.35);
        assertThat(WEEKDAY.clickRatio()).hasValue(0.11);
    }

    @Test
    void nothingProcessedLeavesEveryRatioUndefinedRatherThanZeroOrNaN() {
        SendgridTotals quiet = new SendgridTotals(3, 0, 0, 0, 0, 0, 3, 0, 0, 0);
        assertThat(quiet.deliveryRatio()).isEmpty();
        assertThat(quiet.bounceRatio()).isEmpty();
        assertThat(quiet.spamReportRatio()).isEmpty();
        assertThat(quiet.openRatio()).isEmpty();
        assertThat(quiet.clickRatio()).isEmpty();
    }

    @Test
    void processedButNothingDeliveredKeepsOnlyTheRatiosOverProcessed() {
        SendgridTotals blocked = new SendgridTotals(40, 40, 0, 10, 30, 0, 0, 0, 0, 0);
        assertThat(blocked.deliveryRatio()).isEqualTo(OptionalDouble.of(0));
        assertThat(blocked.bounceRatio()).hasValue(0.25);
        assertThat(blocked.spamReportRatio()).isEmpty();
        assertThat(blocked.openRatio()).isEmpty();
        assertThat(blocked.clickRatio()).isEmpty();
    }

    @Test
    void dropsAreTheThreeKindsOfDropSendGridCounts() throws Exception {
        Map<String, Long> metrics = Map.ofEntries(Map.entry("requests", 9831L), Map.entry("processed", 9810L),
                Map.entry("delivered", 9712L), Map.entry("bounces", 41L), Map.entry("blocks", 12L),
                Map.entry("deferred", 57L), Map.entry("bounce_drops", 3L), Map.entry("spam_report_drops", 1L),
                Map.entry("unsubscribe_drops", 2L), Map.entry("spam_reports", 4L), Map.entry("unique_opens", 3950L),
                Map.entry("unique_clicks", 1204L));

        assertThat(SendgridTotals.of(metrics::get))
                .isEqualTo(new SendgridTotals(9831, 9810, 9712, 41, 12, 57, 6, 4, 3950, 1204));
    }

    @Test
    void plusAddsEveryCount() {
        SendgridTotals one = new SendgridTotals(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(one.plus(one).plus(SendgridTotals.NONE))
                .isEqualTo(new SendgridTotals(2, 4, 6, 8, 10, 12, 14, 16, 18, 20));
    }
}
