package io.vigil.rule.promql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The PromQL functions Vigil evaluates, with Prometheus's signatures. {@link #variadic()} follows
 * Prometheus: 0 means exactly {@link #argTypes()}; n > 0 means the last argument is optional and may
 * appear up to n times.
 */
public enum Function {
    TIME("time", ValueType.SCALAR, 0),
    ROUND("round", ValueType.VECTOR, 1, ValueType.VECTOR, ValueType.SCALAR),
    ABS("abs", ValueType.VECTOR, 0, ValueType.VECTOR),
    CEIL("ceil", ValueType.VECTOR, 0, ValueType.VECTOR),
    FLOOR("floor", ValueType.VECTOR, 0, ValueType.VECTOR),
    CLAMP_MIN("clamp_min", ValueType.VECTOR, 0, ValueType.VECTOR, ValueType.SCALAR),
    CLAMP_MAX("clamp_max", ValueType.VECTOR, 0, ValueType.VECTOR, ValueType.SCALAR),
    ABSENT("absent", ValueType.VECTOR, 0, ValueType.VECTOR),
    ABSENT_OVER_TIME("absent_over_time", ValueType.VECTOR, 0, ValueType.MATRIX),
    AVG_OVER_TIME("avg_over_time", ValueType.VECTOR, 0, ValueType.MATRIX),
    MIN_OVER_TIME("min_over_time", ValueType.VECTOR, 0, ValueType.MATRIX),
    MAX_OVER_TIME("max_over_time", ValueType.VECTOR, 0, ValueType.MATRIX),
    SUM_OVER_TIME("sum_over_time", ValueType.VECTOR, 0, ValueType.MATRIX),
    COUNT_OVER_TIME("count_over_time", ValueType.VECTOR, 0, ValueType.MATRIX),
    LAST_OVER_TIME("last_over_time", ValueType.VECTOR, 0, ValueType.MATRIX),
    CHANGES("changes", ValueType.VECTOR, 0, ValueType.MATRIX),
    RESETS("resets", ValueType.VECTOR, 0, ValueType.MATRIX),
    RATE("rate", ValueType.VECTOR, 0, ValueType.MATRIX),
    INCREASE("increase", ValueType.VECTOR, 0, ValueType.MATRIX),
    DELTA("delta", ValueType.VECTOR, 0, ValueType.MATRIX),
    DERIV("deriv", ValueType.VECTOR, 0, ValueType.MATRIX),
    SCALAR("scalar", ValueType.SCALAR, 0, ValueType.VECTOR),
    VECTOR("vector", ValueType.VECTOR, 0, ValueType.SCALAR),
    LABEL_REPLACE("label_replace", ValueType.VECTOR, 0,
            ValueType.VECTOR, ValueType.STRING, ValueType.STRING, ValueType.STRING, ValueType.STRING);

    // The rest of Prometheus's functions: named so that a rule copied from Prometheus is told
    // "not supported" rather than "unknown".
    private static final Set<String> OTHER_PROMETHEUS_FUNCTIONS = Set.of(
            "acos", "acosh", "asin", "asinh", "atan", "atanh", "clamp", "cos", "cosh", "days_in_month",
            "day_of_month", "day_of_week", "day_of_year", "deg", "double_exponential_smoothing", "end", "exp",
            "first_over_time", "histogram_avg", "histogram_count", "histogram_fraction", "histogram_quantile",
            "histogram_quantiles", "histogram_stddev", "histogram_stdvar", "histogram_sum", "hour", "idelta",
            "info", "integral", "irate", "label_join", "ln", "log10", "log2", "mad_over_time", "minute", "month",
            "pi", "predict_linear", "present_over_time", "quantile_over_time", "rad", "range", "sgn", "sin",
            "sinh", "sort", "sort_by_label", "sort_by_label_desc", "sort_desc", "sqrt", "start", "step",
            "stddev_over_time", "stdvar_over_time", "tan", "tanh", "timestamp", "ts_of_first_over_time",
            "ts_of_last_over_time", "ts_of_max_over_time", "ts_of_min_over_time", "year");

    private static final Map<String, Function> BY_NAME = new HashMap<>();

    static {
        for (Function f : values()) {
            BY_NAME.put(f.functionName, f);
        }
    }

    private final String functionName;
    private final ValueType returnType;
    private final int variadic;
    private final List<ValueType> argTypes;

    Function(String functionName, ValueType returnType, int variadic, ValueType... argTypes) {
        this.functionName = functionName;
        this.returnType = returnType;
        this.variadic = variadic;
        this.argTypes = List.of(argTypes);
    }

    /** The name as written in PromQL, e.g. {@code label_replace}. */
    public String functionName() {
        return functionName;
    }

    public ValueType returnType() {
        return returnType;
    }

    public List<ValueType> argTypes() {
        return argTypes;
    }

    public int variadic() {
        return variadic;
    }

    public int minArgs() {
        return variadic == 0 ? argTypes.size() : argTypes.size() - 1;
    }

    /** The most arguments accepted, or -1 when there is no limit. */
    public int maxArgs() {
        if (variadic < 0) {
            return -1;
        }
        return variadic == 0 ? argTypes.size() : argTypes.size() - 1 + variadic;
    }

    /** The type of the i-th argument; arguments past the declared ones repeat the last type. */
    public ValueType argType(int i) {
        return argTypes.get(Math.min(i, argTypes.size() - 1));
    }

    /** Function names are case-sensitive, as in Prometheus. */
    public static Optional<Function> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    static boolean isOtherPrometheusFunction(String name) {
        return OTHER_PROMETHEUS_FUNCTIONS.contains(name);
    }

    @Override
    public String toString() {
        return functionName;
    }
}
