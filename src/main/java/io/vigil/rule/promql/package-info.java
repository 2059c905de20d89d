/**
 * The PromQL front end: {@link io.vigil.rule.promql.PromQL#parse(String)} turns the text of a rule's
 * {@code expr} into an immutable, type-checked {@link io.vigil.rule.promql.Expr} tree, or throws a
 * {@link io.vigil.rule.promql.ParseException} worded and positioned as Prometheus's own parser would.
 *
 * <p>The grammar, precedence, function signatures and error messages are Prometheus's. Parsed but
 * beyond the contract's evaluation subset: every aggregation operator (group, stddev, stdvar, topk,
 * bottomk, quantile, count_values) and every vector matching cardinality. Rejected with a clear
 * message: subqueries, the {@code @} modifier, {@code atan2}, duration expressions, and Prometheus
 * functions outside {@link io.vigil.rule.promql.Function}.
 *
 * <p>For evaluators: a {@link io.vigil.rule.promql.VectorSelector}'s matchers already include the
 * metric name; a {@link io.vigil.rule.promql.BinaryExpr} carries a
 * {@link io.vigil.rule.promql.VectorMatching} exactly when both sides are instant vectors; signed
 * number literals are folded, so a {@link io.vigil.rule.promql.UnaryExpr} never wraps a number.
 */
package io.vigil.rule.promql;
