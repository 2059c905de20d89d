package io.vigil.rule.promql;

import java.util.Locale;
import java.util.Optional;

/** Aggregation operators. Those with a parameter take it as their first argument. */
public enum AggregateOp {
    SUM(null),
    AVG(null),
    COUNT(null),
    MIN(null),
    MAX(null),
    GROUP(null),
    STDDEV(null),
    STDVAR(null),
    TOPK(ValueType.SCALAR),
    BOTTOMK(ValueType.SCALAR),
    QUANTILE(ValueType.SCALAR),
    COUNT_VALUES(ValueType.STRING);

    private final ValueType paramType;

    AggregateOp(ValueType paramType) {
        this.paramType = paramType;
    }

    /** The keyword as Prometheus prints it, e.g. {@code count_values}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean hasParam() {
        return paramType != null;
    }

    /** The type the parameter must have, or null when the operator takes none. */
    public ValueType paramType() {
        return paramType;
    }

    /** Keywords are case-insensitive in PromQL, so {@code SUM} is {@code sum}. */
    public static Optional<AggregateOp> byKeyword(String word) {
        for (AggregateOp op : values()) {
            if (op.keyword().equalsIgnoreCase(word)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return keyword();
    }
}
