package io.vigil.notify.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vigil.notify.Matcher;
import io.vigil.notify.config.InhibitRuleConfig;
import io.vigil.sample.Labels;

/**
 * Alertmanager's inhibitor over every alert the dispatcher holds: a target is muted while a firing source alert
 * of a rule has the same values of the rule's {@code equal} labels (a missing label counts as empty). Sources
 * are indexed per rule by those values when they enter the store, so a check reads only its candidates.
 */
final class Inhibitor {

    private final List<Rule> rules = new ArrayList<>();

    Inhibitor(List<InhibitRuleConfig> configs, Collection<TrackedAlert> alerts) {
        for (int i = 0; i < configs.size(); i++) {
            rules.add(new Rule(configs.get(i)));
        }
        alerts.forEach(this::add);
    }

    /** Indexes a new alert of the store as a source of every rule whose source matchers it matches. */
    void add(TrackedAlert tracked) {
        for (Rule rule : rules) {
            if (matchesAll(rule.config.sourceMatchers(), tracked.labels)) {
                rule.sources.computeIfAbsent(rule.equalValues(tracked.labels), k -> new LinkedHashSet<>()).add(tracked);
            }
        }
    }

    void remove(TrackedAlert tracked) {
        for (Rule rule : rules) {
            Set<TrackedAlert> sources = rule.sources.get(rule.equalValues(tracked.labels));
            if (sources != null && sources.remove(tracked) && sources.isEmpty()) {
                rule.sources.remove(rule.equalValues(tracked.labels));
            }
        }
    }

    /**
     * Why {@code target} is inhibited at {@code now}: one reason per rule that inhibits it, naming the source
     * with the lowest fingerprint. A target that matches a rule's source side too is inhibited only by sources
     * that do not match its target side, so an alert never inhibits itself (Alertmanager's two-sided exclusion).
     */
    List<Reason> inhibitedBy(Labels target, Instant now) {
        List<Reason> reasons = List.of();
        for (Rule rule : rules) {
            if (!matchesAll(rule.config.targetMatchers(), target)) {
                continue;
            }
            Set<TrackedAlert> sources = rule.sources.get(rule.equalValues(target));
            if (sources == null) {
                continue;
            }
            boolean twoSided = matchesAll(rule.config.sourceMatchers(), target);
            String first = null;
            for (TrackedAlert source : sources) {
                if (source.alert.resolvedAt(now)
                        || twoSided && matchesAll(rule.config.targetMatchers(), source.labels)) {
                    continue;
                }
                String fingerprint = source.fingerprint();
                if (first == null || fingerprint.compareTo(first) < 0) {
                    first = fingerprint;
                }
            }
            if (first != null) {
                if (reasons.isEmpty()) {
                    reasons = new ArrayList<>(1);
                }
                reasons.add(new Reason(Suppression.Kind.INHIBITED, rule.config.path(),
                        rule.config.path() + ":" + first));
            }
        }
        return reasons;
    }

    private static boolean matchesAll(List<Matcher> matchers, Labels labels) {
        for (Matcher matcher : matchers) {
            if (!matcher.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    private static final class Rule {
        final InhibitRuleConfig config;
        final String[] equal;
        final Map<List<String>, Set<TrackedAlert>> sources = new HashMap<>();

        Rule(InhibitRuleConfig config) {
            this.config = config;
            this.equal = config.equal().toArray(String[]::new);
        }

        List<String> equalValues(Labels labels) {
            String[] values = new String[equal.length];
            for (int i = 0; i < equal.length; i++) {
                String value = labels.get(equal[i]);
                values[i] = value == null ? "" : value;
            }
            return Arrays.asList(values);
        }
    }
}
