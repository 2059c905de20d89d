package io.vigil.rule.promql;

/** Binary operators, with Prometheus's precedence: higher binds tighter. */
public enum BinaryOp {
    OR("or", 1),
    AND("and", 2),
    UNLESS("unless", 2),
    EQ("==", 3),
    NEQ("!=", 3),
    GT(">", 3),
    LT("<", 3),
    GTE(">=", 3),
    LTE("<=", 3),
    ADD("+", 4),
    SUB("-", 4),
    MUL("*", 5),
    DIV("/", 5),
    MOD("%", 5),
    POW("^", 6);

    private final String symbol;
    private final int precedence;

    BinaryOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    /** The operator as written in PromQL. */
    public String symbol() {
        return symbol;
    }

    public int precedence() {
        return precedence;
    }

    /** Only {@code ^} groups to the right: {@code 2 ^ 3 ^ 2} is {@code 2 ^ (3 ^ 2)}. */
    public boolean isRightAssociative() {
        return this == POW;
    }

    public boolean isComparison() {
        return precedence == 3;
    }

    public boolean isSetOperator() {
        return this == AND || this == OR || this == UNLESS;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
