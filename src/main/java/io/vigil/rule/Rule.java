package io.vigil.rule;

import io.vigil.rule.promql.Expr;

/** A compiled rule of either kind. */
public sealed interface Rule permits AlertingRule, RecordingRule {

    RuleDefinition definition();

    Expr expr();
}
