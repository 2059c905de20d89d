package io.vigil.rule.eval;

import java.time.Duration;
import java.time.Instant;

import io.vigil.rule.promql.Expr;

/**
 * Evaluates parsed PromQL at one instant over a {@link SeriesSource}, with PromQL's semantics:
 * instant selectors take the newest sample within the lookback, range selectors the samples in
 * {@code (t - range, t]}, staleness markers end a series.
 */
public final class Evaluator {

    /** Prometheus's default --query.lookback-delta. */
    public static final Duration LOOKBACK = Duration.ofMinutes(5);

    private final SeriesSource source;

    public Evaluator(SeriesSource source) {
        this.source = source;
    }

    public Value evaluate(Expr expr, Instant at) {
        return new Evaluation(source, at.toEpochMilli()).eval(expr);
    }
}
