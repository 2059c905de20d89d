package io.vigil.probe.rdap;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.probe.Probe;
import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeFailure;
import io.vigil.probe.ProbeOutcome;
import io.vigil.probe.api.ApiClient;
import io.vigil.probe.api.ApiStatusFailure;

/**
 * Reads when a domain's registration expires from RDAP: {@code GET <base_url>/domain/<domain>}, following rdap.org's
 * bootstrap redirect to the registry's own server, and exports the expiration event's date.
 *
 * <p>Success means the expiry is known: an expired or soon-expiring domain still succeeds, since the expiry rule
 * ({@code probe_domain_expiry_timestamp_seconds - time() < 14*86400}) is what alerts on it. A registry that
 * publishes no expiration date fails the run and exports no expiry: an expiry rule then has nothing to fire on, so
 * "unknown" is never taken for "expired", while the failure tells the user the domain is not being watched. Success
 * 1 there would leave a domain silently unwatched, which is how domains lapse.
 */
@ApplicationScoped
public class RdapProbe implements Probe<RdapSpec> {

    static final String EXPIRY = "probe_domain_expiry_timestamp_seconds";
    private static final String SERVICE = "RDAP";

    @Inject
    ApiClient api;

    @Override
    public String type() {
        return "rdap";
    }

    @Override
    public Class<RdapSpec> specType() {
        return RdapSpec.class;
    }

    @Override
    public Map<String, String> metrics() {
        return Map.of(EXPIRY, "When the domain's registration expires, from its registry's RDAP expiration event, "
                + "in seconds since the epoch.");
    }

    @Override
    public ProbeOutcome run(RdapSpec spec, ProbeContext context) throws Exception {
        Optional<Instant> expiry = RdapEvents.expiration(lookUp(spec, context));
        if (expiry.isEmpty()) {
            return ProbeOutcome.failed("the registry of " + spec.domain() + " publishes no expiration date in RDAP, "
                    + "so its expiry is unknown");
        }
        context.sample(EXPIRY, expiry.get().getEpochSecond());
        return ProbeOutcome.succeeded();
    }

    private JsonNode lookUp(RdapSpec spec, ProbeContext context)
            throws ProbeFailure, InterruptedException {
        try {
            return api.get(SERVICE, spec.domainUri(), Map.of(), context).body();
        } catch (ApiStatusFailure e) {
            // A 404 is an answer about the domain here, not a fault of the service.
            if (e.status() == 404) {
                throw new ProbeFailure("RDAP has no record of " + spec.domain() + " (HTTP 404): it is not "
                        + "registered, is a subdomain rather than the registered name, or its TLD has no RDAP service");
            }
            throw e;
        }
    }
}
