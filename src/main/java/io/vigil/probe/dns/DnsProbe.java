package io.vigil.probe.dns;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.dns.DnsClient;
import io.vertx.core.dns.DnsClientOptions;
import io.vertx.core.dns.DnsException;
import io.vertx.core.dns.DnsResponseCode;
import io.vigil.config.PromDuration;
import io.vigil.probe.Connections;
import io.vigil.probe.Probe;
import io.vigil.probe.ProbeContext;
import io.vigil.probe.ProbeFailure;
import io.vigil.probe.ProbeOutcome;
import io.vigil.probe.Waiting;

/**
 * Asks a name server for one record type of one name, as blackbox_exporter's dns prober does:
 * success when it answers with records and, if valid_answers is set, every regexp finds one.
 */
@ApplicationScoped
public class DnsProbe implements Probe<DnsSpec> {

    static final String ANSWER_RRS = "probe_dns_answer_rrs";
    private static final int MAX_LISTED_ANSWERS = 5;
    private static final long MAX_MARGIN_MILLIS = 100;

    @Inject
    Vertx vertx;

    public DnsProbe() {
    }

    /** For tests, which run without CDI. */
    public DnsProbe(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public String type() {
        return "dns";
    }

    @Override
    public Class<DnsSpec> specType() {
        return DnsSpec.class;
    }

    @Override
    public Map<String, String> metrics() {
        // The help text is shared with the other probes' look-up time: the registry keeps one per metric.
        return Map.of(Connections.DNS_LOOKUP_TIME, Connections.DNS_LOOKUP_TIME_HELP,
                ANSWER_RRS, "How many records of the asked type the answer held.");
    }

    @Override
    public ProbeOutcome run(DnsSpec spec, ProbeContext context) throws Exception {
        Resolver resolver = spec.resolverAddress();
        String server = resolver == null ? "the system resolver" : "resolver " + resolver;
        List<String> answers;
        try {
            answers = query(spec, resolver, server, context);
        } catch (ProbeFailure e) {
            return ProbeOutcome.failed(e.getMessage());
        }
        context.sample(ANSWER_RRS, answers.size());
        return judge(spec, answers);
    }

    private List<String> query(DnsSpec spec, Resolver resolver, String server, ProbeContext context) throws Exception {
        Duration budget = context.remaining();
        // Give up a little before the deadline, so that the runner's own cut-off does not replace
        // the reason below with a bare "timed out" and drop the samples.
        long queryMillis = Math.max(1, budget.toMillis() - Math.min(MAX_MARGIN_MILLIS, budget.toMillis() / 10));
        DnsClient client = createClient(resolver, queryMillis, server);
        long start = System.nanoTime();
        try {
            return Waiting.await(spec.type().query(client, spec.queryName()), context, server);
        } catch (ProbeFailure timedOut) {
            throw notAnswered(server, budget);
        } catch (ExecutionException e) {
            // DnsException is a Throwable but no Exception, so Waiting hands it over still wrapped.
            if (e.getCause() instanceof DnsException answered) {
                throw new ProbeFailure(describe(answered.code(), spec, server));
            }
            throw new ProbeFailure("query to " + server + " failed: " + e.getCause());
        } catch (VertxException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("DNS query timeout")) {
                throw notAnswered(server, budget);
            }
            throw new ProbeFailure("query to " + server + " failed: " + e.getMessage());
        } finally {
            context.sample(Connections.DNS_LOOKUP_TIME, (System.nanoTime() - start) / 1e9);
            client.close();
        }
    }

    private DnsClient createClient(Resolver resolver, long timeoutMillis, String server) throws ProbeFailure {
        DnsClientOptions options = new DnsClientOptions().setQueryTimeout(timeoutMillis);
        if (resolver == null) {
            // Without a host Vert.x asks the first name server of its address resolver: /etc/resolv.conf's.
            return vertx.createDnsClient(options);
        }
        try {
            return vertx.createDnsClient(options.setHost(resolver.host()).setPort(resolver.port()));
        } catch (IllegalArgumentException e) {
            // Vert.x resolves a resolver given by name when the client is made, and refuses one it cannot.
            throw new ProbeFailure(server + " cannot be found: no such host " + resolver.host());
        }
    }

    static ProbeOutcome judge(DnsSpec spec, List<String> answers) {
        if (answers.isEmpty()) {
            return ProbeOutcome.failed("no " + spec.queryType() + " records for " + spec.queryName() + " (NOERROR, empty answer)");
        }
        for (Pattern pattern : spec.validAnswers()) {
            if (answers.stream().noneMatch(answer -> pattern.matcher(answer).find())) {
                return ProbeOutcome.failed("no answer matches valid_answers regexp \"" + pattern.pattern()
                        + "\" (answers: " + listed(answers) + ")");
            }
        }
        return ProbeOutcome.succeeded();
    }

    private static String listed(List<String> answers) {
        String shown = String.join(", ", answers.subList(0, Math.min(answers.size(), MAX_LISTED_ANSWERS)));
        return answers.size() > MAX_LISTED_ANSWERS ? shown + ", ... " + answers.size() + " in all" : shown;
    }

    private static String describe(DnsResponseCode code, DnsSpec spec, String server) {
        String name = spec.queryName();
        return switch (code) {
            case NXDOMAIN -> "no such domain: " + name + " (NXDOMAIN)";
            case SERVFAIL -> server + " failed to resolve " + name + " (SERVFAIL)";
            case REFUSED -> server + " refused to answer for " + name + " (REFUSED)";
            default -> server + " answered " + code.name() + " for " + name;
        };
    }

    private static ProbeFailure notAnswered(String server, Duration budget) {
        return new ProbeFailure(server + " did not answer within " + readable(budget));
    }

    /** The budget is read a moment after the run began: 1.9997s is the 2s the user configured. */
    private static String readable(Duration budget) {
        return PromDuration.format(Duration.ofMillis(Math.round(budget.toNanos() / 1e7) * 10));
    }
}
