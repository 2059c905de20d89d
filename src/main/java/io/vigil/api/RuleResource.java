package io.vigil.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.vigil.alert.AlertState;
import io.vigil.config.PromDuration;
import io.vigil.rule.AlertingRule;
import io.vigil.rule.Rule;
import io.vigil.rule.RuleGroup;
import io.vigil.rule.RuleHealth;
import io.vigil.rule.RuleManager;

/** The rule groups of the running configuration, each rule with its health, as Prometheus's /api/v1/rules. */
@Path("/api/v1/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RuleResource {

    @Inject
    RuleManager rules;

    record GroupView(String name, String file, String interval, List<RuleView> rules) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RuleView(String name, String type, String query, String duration, String keepFiringFor,
            Map<String, String> labels, Map<String, String> annotations, String state, String health,
            Instant lastEvaluation, double evaluationTime, String lastError, int activeAlerts) {
    }

    @GET
    public List<GroupView> list(@QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        Paging.check(limit, offset);
        List<GroupView> groups = new ArrayList<>();
        for (RuleGroup group : rules.groups().stream().skip(offset).limit(limit).toList()) {
            List<RuleView> views = group.rules().stream().map(rule -> view(group, rule)).toList();
            groups.add(new GroupView(group.name(), group.definition().file(), PromDuration.format(group.interval()), views));
        }
        return groups;
    }

    private static RuleView view(RuleGroup group, Rule rule) {
        RuleHealth health = group.health(rule);
        var definition = rule.definition();
        boolean alerting = rule instanceof AlertingRule;
        AlertState state = rule instanceof AlertingRule a ? a.tracker().state() : null;
        int active = rule instanceof AlertingRule a
                ? (int) a.tracker().alerts().stream().filter(alert -> alert.state() != AlertState.INACTIVE).count() : 0;
        return new RuleView(definition.name(), alerting ? "alerting" : "recording", rule.expr().toString(),
                alerting ? PromDuration.format(definition.holdFor()) : null,
                alerting ? PromDuration.format(definition.keepFiringFor()) : null,
                definition.labels(), alerting ? definition.annotations() : null,
                state == null ? null : state.label(), health.status().name().toLowerCase(Locale.ROOT),
                health.lastEvaluation(), health.evaluationSeconds(), health.lastError(), active);
    }
}
