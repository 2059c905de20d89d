package io.vigil.notify;

import java.util.Objects;
import java.util.regex.Pattern;

import io.vigil.rule.promql.LabelMatcher;
import io.vigil.sample.Labels;

/**
 * One Alertmanager label matcher ({@code severity="critical"}, {@code team=~"db|web"}), used by routes, inhibition
 * rules and silences. A missing label matches as the empty string; regexes are anchored, as in Alertmanager.
 */
public final class Matcher {

    private final String name;
    private final MatchType type;
    private final String value;
    private final Pattern pattern;

    /** Throws {@link IllegalArgumentException} when a regex value does not compile. */
    public Matcher(String name, MatchType type, String value) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.value = Objects.requireNonNull(value, "value");
        this.pattern = type.isRegex() ? LabelMatcher.compileAnchored(value) : null;
    }

    public String name() {
        return name;
    }

    public MatchType type() {
        return type;
    }

    public String value() {
        return value;
    }

    public boolean matches(Labels labels) {
        String actual = labels.get(name);
        return matchesValue(actual == null ? "" : actual);
    }

    public boolean matchesValue(String actual) {
        return switch (type) {
            case EQUAL -> value.equals(actual);
            case NOT_EQUAL -> !value.equals(actual);
            case REGEX -> pattern.matcher(actual).matches();
            case NOT_REGEX -> !pattern.matcher(actual).matches();
        };
    }

    /** Alertmanager's own rendering: {@code name="value"} with the value quoted and escaped. */
    @Override
    public String toString() {
        return name + type.symbol() + "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                + "\"";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matcher other && name.equals(other.name) && type == other.type
                && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, value);
    }
}
