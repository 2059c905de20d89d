package io.vigil.probe.sendgrid;

import java.util.OptionalDouble;

import io.vigil.probe.ProbeFailure;

/**
 * SendGrid's counters summed over a window, and the ratios the sendgrid probe reports, each defined here once. A
 * ratio whose denominator is 0 is empty: no mail means no data, not 0 % and not NaN.
 *
 * @param drops not a SendGrid stats metric (there is no {@code drops} key): the sum of its {@code bounce_drops},
 *        {@code spam_report_drops} and {@code unsubscribe_drops}, mail SendGrid suppressed on purpose
 * @param deferred deferral attempts, not messages: a message deferred twice counts twice
 */
public record SendgridTotals(long requests, long processed, long delivered, long bounces, long blocks, long deferred,
        long drops, long spamReports, long uniqueOpens, long uniqueClicks) {

    public static final SendgridTotals NONE = new SendgridTotals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Reads one integer metric of a stats entry by SendGrid's name for it. */
    @FunctionalInterface
    interface Metrics {
        long get(String name) throws ProbeFailure;
    }

    /** The totals of one stats entry (one day, or one category on one day). */
    static SendgridTotals of(Metrics metrics) throws ProbeFailure {
        return new SendgridTotals(metrics.get("requests"), metrics.get("processed"), metrics.get("delivered"),
                metrics.get("bounces"), metrics.get("blocks"), metrics.get("deferred"),
                metrics.get("bounce_drops") + metrics.get("spam_report_drops") + metrics.get("unsubscribe_drops"),
                metrics.get("spam_reports"), metrics.get("unique_opens"), metrics.get("unique_clicks"));
    }

    public SendgridTotals plus(SendgridTotals other) {
        return new SendgridTotals(requests + other.requests, processed + other.processed, delivered + other.delivered,
                bounces + other.bounces, blocks + other.blocks, deferred + other.deferred, drops + other.drops,
                spamReports + other.spamReports, uniqueOpens + other.uniqueOpens, uniqueClicks + other.uniqueClicks);
    }

    /**
     * delivered / processed: of the mail SendGrid processed, the share the receiving servers accepted (not
     * necessarily into the inbox). Processed excludes drops, so suppressing known-bad addresses does not lower it.
     */
    public OptionalDouble deliveryRatio() {
        return ratio(delivered, processed);
    }

    /** bounces / processed. Blocks are counted apart (probe_sendgrid_blocks). */
    public OptionalDouble bounceRatio() {
        return ratio(bounces, processed);
    }

    /** spam_reports / delivered; Gmail asks bulk senders to stay below 0.003. */
    public OptionalDouble spamReportRatio() {
        return ratio(spamReports, delivered);
    }

    /** unique_opens / delivered; only meaningful with open tracking on, and inflated by Apple Mail's prefetching. */
    public OptionalDouble openRatio() {
        return ratio(uniqueOpens, delivered);
    }

    /** unique_clicks / delivered. */
    public OptionalDouble clickRatio() {
        return ratio(uniqueClicks, delivered);
    }

    private static OptionalDouble ratio(long part, long whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }
}
