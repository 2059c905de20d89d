package io.vigil.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.vigil.alert.Alert;
import io.vigil.alert.AlertState;
import io.vigil.rule.AlertingRule;
import io.vigil.rule.Rule;
import io.vigil.rule.RuleGroup;
import io.vigil.rule.RuleManager;
import io.vigil.rule.promql.LabelMatcher;
import io.vigil.rule.promql.ParseException;
import io.vigil.rule.promql.PromQL;
import io.vigil.rule.promql.VectorSelector;

/** Active alerts (pending and firing), filtered by state and label matchers. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    @Inject
    RuleManager rules;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AlertView(Map<String, String> labels, Map<String, String> annotations, String state, Instant activeAt,
            Instant firedAt, double value) {
    }

    @GET
    public List<AlertView> list(@QueryParam("state") String state, @QueryParam("matchers") List<String> matchers,
            @QueryParam("limit") @DefaultValue("1000") int limit, @QueryParam("offset") @DefaultValue("0") int offset) {
        Paging.check(limit, offset);
        if (state != null && !state.isEmpty() && !state.equals("pending") && !state.equals("firing")) {
            throw ProblemException.badRequest("state must be pending or firing, got \"" + state + "\"");
        }
        List<LabelMatcher> filters = parse(matchers);
        List<AlertView> views = new ArrayList<>();
        for (RuleGroup group : rules.groups()) {
            for (Rule rule : group.rules()) {
                if (rule instanceof AlertingRule alerting) {
                    for (Alert alert : alerting.tracker().alerts()) {
                        if (alert.state() != AlertState.INACTIVE && (state == null || state.isEmpty()
                                || alert.state().label().equals(state)) && matches(filters, alert)) {
                            views.add(new AlertView(alert.labels().toMap(), alert.annotations(), alert.state().label(),
                                    alert.activeAt(), alert.firedAt(), alert.value()));
                        }
                    }
                }
            }
        }
        views.sort(Comparator.comparing(AlertView::activeAt).reversed());
        return views.stream().skip(offset).limit(limit).toList();
    }

    private static List<LabelMatcher> parse(List<String> matchers) {
        List<LabelMatcher> parsed = new ArrayList<>();
        for (String matcher : matchers == null ? List.<String>of() : matchers) {
            try {
                // Parsed as a selector so that every PromQL matcher form and quoting works.
                parsed.addAll(((VectorSelector) PromQL.parse("{" + matcher + ", __name__=~\".*\"}")).matchers());
            } catch (ParseException | ClassCastException e) {
                throw ProblemException.badRequest("matchers: cannot read \"" + matcher + "\" as a label matcher such as "
                        + "severity=\"critical\": " + e.getMessage());
            }
        }
        return parsed;
    }

    private static boolean matches(List<LabelMatcher> matchers, Alert alert) {
        for (LabelMatcher matcher : matchers) {
            String value = alert.labels().get(matcher.name());
            if (!matcher.name().equals("__name__") && !matcher.matches(value == null ? "" : value)) {
                return false;
            }
        }
        return true;
    }
}
