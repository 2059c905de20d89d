package io.vigil.probe.stripe;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.probe.Probe;
import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeFailure;
import io.vigil.probe.ProbeOutcome;
import io.vigil.probe.api.ApiClient;
import io.vigil.sample.Labels;

/**
 * Payment health from Stripe: the charges created in the last window by status, the success ratio, and the
 * failures by failure_code. Every page of the window is read; the probe's timeout covers all of them. The run
 * succeeds when Stripe could be read; whether the ratio is good enough is for alert rules to say.
 */
@ApplicationScoped
public class StripeProbe implements Probe<StripeSpec> {

    public static final String TYPE = "stripe";
    static final String CHARGES = "probe_stripe_charges";
    static final String SUCCESS_RATIO = "probe_stripe_charge_success_ratio";
    static final String FAILURES = "probe_stripe_charge_failures";

    private static final String SERVICE = "Stripe";
    /**
     * Stripe echoes a rejected key masked (sk_live_****abcd), which ApiClient cannot recognise as the key it sent;
     * its prefix and last characters still say which key it was, so it is blanked out of reasons too.
     */
    private static final Pattern MASKED_KEY = Pattern.compile("\\b([spr]k_(?:live|test))_[A-Za-z0-9*]+");

    @Inject
    ApiClient api;

    @Inject
    Clock clock;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<StripeSpec> specType() {
        return StripeSpec.class;
    }

    @Override
    public Set<String> sampleLabels() {
        return Set.of("status", "failure_code");
    }

    @Override
    public Map<String, String> metrics() {
        return Map.of(
                CHARGES, "Stripe charges created in the probe's window, by status (succeeded, failed, pending).",
                SUCCESS_RATIO, "Succeeded / (succeeded + failed) Stripe charges in the probe's window; "
                        + "absent when none settled.",
                FAILURES, "Failed Stripe charges in the probe's window, by failure_code (unknown when Stripe gave none).");
    }

    @Override
    public ProbeOutcome run(StripeSpec spec, ProbeContext context) throws ProbeFailure, InterruptedException {
        ChargeWindow window = ChargeWindow.endingAt(clock.instant(), spec.window());
        Map<String, String> headers = Map.of("Authorization", "Bearer " + spec.apiKey(),
                "Stripe-Version", spec.stripeVersion());
        ChargeTally tally = new ChargeTally();
        Optional<String> next = Optional.empty();
        do {
            next = tally.add(page(window, next.orElse(null), spec, headers, context));
        } while (next.isPresent());
        // Samples only once every page is read: a partial count would look like a quiet hour.
        context.sample(CHARGES, Labels.of("status", "succeeded"), tally.succeeded());
        context.sample(CHARGES, Labels.of("status", "failed"), tally.failed());
        context.sample(CHARGES, Labels.of("status", "pending"), tally.pending());
        tally.successRatio().ifPresent(ratio -> context.sample(SUCCESS_RATIO, ratio));
        tally.failuresByCode().forEach((code, count) ->
                context.sample(FAILURES, Labels.of("failure_code", code), count));
        return ProbeOutcome.succeeded();
    }

    private JsonNode page(ChargeWindow window, String startingAfter, StripeSpec spec,
            Map<String, String> headers, ProbeContext context) throws ProbeFailure, InterruptedException {
        try {
            return api.get(SERVICE, window.page(spec.baseUrl(), startingAfter), headers, context).body();
        } catch (ProbeFailure failure) {
            throw new ProbeFailure(withoutKeys(failure.getMessage()));
        }
    }

    /** {@code reason} with every Stripe key, whole or masked, reduced to its kind. */
    static String withoutKeys(String reason) {
        return reason == null ? null : MASKED_KEY.matcher(reason).replaceAll("$1_[redacted]");
    }
}
