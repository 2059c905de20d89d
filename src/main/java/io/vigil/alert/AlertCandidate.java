package io.vigil.alert;

import java.util.Map;

import io.vigil.sample.Labels;

/**
 * One element of a rule's result at one evaluation: the alert identity it stands for (sample
 * labels without __name__, plus the rule's templated labels and alertname), its templated
 * annotations and its value.
 */
public record AlertCandidate(Labels labels, Map<String, String> annotations, double value) {
}
