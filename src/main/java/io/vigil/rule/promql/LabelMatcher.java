package io.vigil.rule.promql;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One label matcher of a selector, e.g. {@code job=~"api|web"}. A regex matcher must match the whole
 * value, as in Prometheus; its pattern is compiled once, here. A missing label matches as the empty
 * string, so {@code matches("")} tells whether a matcher also selects series without the label.
 */
public final class LabelMatcher {

    public enum Type {
        EQ("="),
        NEQ("!="),
        RE("=~"),
        NRE("!~");

        private final String symbol;

        Type(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** The label that holds a series' metric name. */
    public static final String METRIC_NAME = "__name__";

    private final Type type;
    private final String name;
    private final String value;
    private final Pattern pattern;

    /** Throws {@link IllegalArgumentException} when a regex matcher's value is not a valid regex. */
    public LabelMatcher(Type type, String name, String value) {
        this.type = Objects.requireNonNull(type, "type");
        this.name = Objects.requireNonNull(name, "name");
        this.value = Objects.requireNonNull(value, "value");
        this.pattern = type == Type.RE || type == Type.NRE ? compileAnchored(value) : null;
    }

    public static LabelMatcher metricName(String metricName) {
        return new LabelMatcher(Type.EQ, METRIC_NAME, metricName);
    }

    /**
     * Compiles a regex the way Prometheus does for matchers and label_replace: anchored at both ends
     * and with {@code .} matching newlines. The regex must compile on its own first, so that
     * {@code a)|(b} is not accepted through the wrapping group. Go's {@code (?P<name>...)} groups are
     * accepted as Java's {@code (?<name>...)}.
     */
    public static Pattern compileAnchored(String regex) {
        String javaRegex = regex.replace("(?P<", "(?<");
        Pattern.compile(javaRegex);
        return Pattern.compile("\\A(?s:" + javaRegex + ")\\z");
    }

    public Type type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    /** Whether a label value (empty for a missing label) satisfies this matcher. */
    public boolean matches(String labelValue) {
        return switch (type) {
            case EQ -> value.equals(labelValue);
            case NEQ -> !value.equals(labelValue);
            case RE -> pattern.matcher(labelValue).matches();
            case NRE -> !pattern.matcher(labelValue).matches();
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelMatcher other
                && type == other.type && name.equals(other.name) && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, value);
    }

    /** PromQL text, e.g. {@code job=~"api|web"}; a name that is not a plain label name is quoted. */
    @Override
    public String toString() {
        return Quoting.labelName(name) + type.symbol + Quoting.quote(value);
    }
}
