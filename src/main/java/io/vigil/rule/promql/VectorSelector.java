package io.vigil.rule.promql;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An instant vector selector, e.g. {@code http_requests_total{code=~"5.."} offset 5m}. The matchers
 * include the {@code __name__} one for a metric name written outside the braces, so evaluation
 * needs only {@link #matchers()}; {@link #metricName()} is that name, or null when none was written
 * outside the braces. The offset is zero when none was given, and may be negative.
 */
public record VectorSelector(String metricName, List<LabelMatcher> matchers, Duration offset) implements Expr {

    public VectorSelector {
        matchers = List.copyOf(matchers);
        Objects.requireNonNull(offset, "offset");
    }

    public VectorSelector withOffset(Duration newOffset) {
        return new VectorSelector(metricName, matchers, newOffset);
    }

    @Override
    public ValueType type() {
        return ValueType.VECTOR;
    }

    @Override
    public String toString() {
        return Printer.print(this);
    }
}
