package io.vigil.probe.sendgrid;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalDouble;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vigil.probe.Probe;
import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeFailure;
import io.vigil.probe.ProbeOutcome;
import io.vigil.probe.api.ApiClient;

/**
 * Reads SendGrid's delivery stats over the probe's window (v3 Stats API: {@code /v3/stats}, or
 * {@code /v3/categories/stats} for the configured categories) and reports the counts and ratios of
 * {@link SendgridTotals}. It succeeds when SendGrid answered the stats; judging the figures is for alert rules.
 */
@ApplicationScoped
public class SendgridProbe implements Probe<SendgridSpec> {

    static final String SERVICE = "SendGrid";
    static final String GLOBAL_STATS = "/v3/stats";
    static final String CATEGORY_STATS = "/v3/categories/stats";

    static final String REQUESTS = "probe_sendgrid_requests";
    static final String PROCESSED = "probe_sendgrid_processed";
    static final String DELIVERED = "probe_sendgrid_delivered";
    static final String BOUNCES = "probe_sendgrid_bounces";
    static final String BLOCKS = "probe_sendgrid_blocks";
    static final String DEFERRED = "probe_sendgrid_deferred";
    static final String DROPS = "probe_sendgrid_drops";
    static final String SPAM_REPORTS = "probe_sendgrid_spam_reports";
    static final String UNIQUE_OPENS = "probe_sendgrid_unique_opens";
    static final String UNIQUE_CLICKS = "probe_sendgrid_unique_clicks";
    static final String DELIVERY_RATIO = "probe_sendgrid_delivery_ratio";
    static final String BOUNCE_RATIO = "probe_sendgrid_bounce_ratio";
    static final String SPAM_REPORT_RATIO = "probe_sendgrid_spam_report_ratio";
    static final String OPEN_RATIO = "probe_sendgrid_open_ratio";
    static final String CLICK_RATIO = "probe_sendgrid_click_ratio";

    private static final String IN_WINDOW = " in the probe's window, widened to whole UTC days.";
    private static final String ABSENT = " Absent when the denominator is 0.";

    @Inject
    ApiClient api;

    @Inject
    Clock clock;

    @Override
    public String type() {
        return "sendgrid";
    }

    @Override
    public Class<SendgridSpec> specType() {
        return SendgridSpec.class;
    }

    @Override
    public Map<String, String> metrics() {
        return Map.ofEntries(
                Map.entry(REQUESTS, "Emails SendGrid was asked to send" + IN_WINDOW),
                Map.entry(PROCESSED, "Emails SendGrid processed" + IN_WINDOW),
                Map.entry(DELIVERED, "Emails the receiving servers accepted" + IN_WINDOW),
                Map.entry(BOUNCES, "Emails that bounced" + IN_WINDOW),
                Map.entry(BLOCKS, "Emails the receiving servers blocked" + IN_WINDOW),
                Map.entry(DEFERRED, "Deferral attempts (not emails)" + IN_WINDOW),
                Map.entry(DROPS, "Emails SendGrid dropped (bounce, spam report and unsubscribe drops)" + IN_WINDOW),
                Map.entry(SPAM_REPORTS, "Spam reports" + IN_WINDOW),
                Map.entry(UNIQUE_OPENS, "Unique opens" + IN_WINDOW),
                Map.entry(UNIQUE_CLICKS, "Unique clicks" + IN_WINDOW),
                Map.entry(DELIVERY_RATIO, "SendGrid delivered / processed." + ABSENT),
                Map.entry(BOUNCE_RATIO, "SendGrid bounces / processed." + ABSENT),
                Map.entry(SPAM_REPORT_RATIO, "SendGrid spam_reports / delivered." + ABSENT),
                Map.entry(OPEN_RATIO, "SendGrid unique_opens / delivered." + ABSENT),
                Map.entry(CLICK_RATIO, "SendGrid unique_clicks / delivered." + ABSENT));
    }

    @Override
    public ProbeOutcome run(SendgridSpec spec, ProbeContext context) throws InterruptedException {
        URI uri = statsUri(spec, StatsDays.ending(clock.instant(), spec.window()));
        SendgridTotals totals;
        try {
            // The key travels in the header only; ApiClient's reasons name the path, never the query or a header.
            totals = StatsBody.sum(api.get(SERVICE, uri, Map.of("Authorization", "Bearer " + spec.apiKey()), context)
                    .body(), uri.getPath());
        } catch (ProbeFailure e) {
            return ProbeOutcome.failed(e.getMessage());
        }
        context.sample(REQUESTS, totals.requests());
        context.sample(PROCESSED, totals.processed());
        context.sample(DELIVERED, totals.delivered());
        context.sample(BOUNCES, totals.bounces());
        context.sample(BLOCKS, totals.blocks());
        context.sample(DEFERRED, totals.deferred());
        context.sample(DROPS, totals.drops());
        context.sample(SPAM_REPORTS, totals.spamReports());
        context.sample(UNIQUE_OPENS, totals.uniqueOpens());
        context.sample(UNIQUE_CLICKS, totals.uniqueClicks());
        sampleIfDefined(context, DELIVERY_RATIO, totals.deliveryRatio());
        sampleIfDefined(context, BOUNCE_RATIO, totals.bounceRatio());
        sampleIfDefined(context, SPAM_REPORT_RATIO, totals.spamReportRatio());
        sampleIfDefined(context, OPEN_RATIO, totals.openRatio());
        sampleIfDefined(context, CLICK_RATIO, totals.clickRatio());
        return ProbeOutcome.succeeded();
    }

    static URI statsUri(SendgridSpec spec, StatsDays days) {
        StringBuilder query = new StringBuilder("start_date=").append(days.start())
                .append("&end_date=").append(days.end()).append("&aggregated_by=day");
        for (String category : spec.categories()) {
            query.append("&categories=").append(URLEncoder.encode(category, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        String base = spec.baseUrl().toString().replaceAll("/+$", "");
        return URI.create(base + (spec.categories().isEmpty() ? GLOBAL_STATS : CATEGORY_STATS) + "?" + query);
    }

    private static void sampleIfDefined(ProbeContext context, String metric, OptionalDouble ratio) {
        ratio.ifPresent(value -> context.sample(metric, value));
    }
}
