package io.vigil.notify.config;

import java.util.List;

import io.vigil.notify.Matcher;

/**
 * An {@code inhibit_rules} entry: while an alert matching {@code sourceMatchers} fires, alerts matching
 * {@code targetMatchers} with the same values of the {@code equal} labels (a missing label equals an empty one)
 * are not sent.
 *
 * @param path where it is in the file, e.g. {@code inhibit_rules[0]}, as the recorded reason names it
 */
public record InhibitRuleConfig(List<Matcher> sourceMatchers, List<Matcher> targetMatchers, List<String> equal,
        String path) {

    public InhibitRuleConfig {
        sourceMatchers = List.copyOf(sourceMatchers);
        targetMatchers = List.copyOf(targetMatchers);
        equal = List.copyOf(equal);
    }
}
