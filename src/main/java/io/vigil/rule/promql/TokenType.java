package io.vigil.rule.promql;

/** Token kinds, grouped as Prometheus's lexer groups them for its error messages. */
enum TokenType {
    IDENTIFIER(Kind.OTHER, "identifier"),
    METRIC_IDENTIFIER(Kind.OTHER, "metric identifier"),
    NUMBER(Kind.OTHER, "number"),
    DURATION(Kind.OTHER, "duration"),
    STRING(Kind.OTHER, "string"),
    EOF(Kind.OTHER, "end of input"),

    LEFT_PAREN(Kind.PUNCTUATION, "("),
    RIGHT_PAREN(Kind.PUNCTUATION, ")"),
    LEFT_BRACE(Kind.PUNCTUATION, "{"),
    RIGHT_BRACE(Kind.PUNCTUATION, "}"),
    LEFT_BRACKET(Kind.PUNCTUATION, "["),
    RIGHT_BRACKET(Kind.PUNCTUATION, "]"),
    COMMA(Kind.PUNCTUATION, ","),
    COLON(Kind.PUNCTUATION, ":"),
    EQL(Kind.PUNCTUATION, "="),

    ADD(Kind.OPERATOR, "+"),
    SUB(Kind.OPERATOR, "-"),
    MUL(Kind.OPERATOR, "*"),
    DIV(Kind.OPERATOR, "/"),
    MOD(Kind.OPERATOR, "%"),
    POW(Kind.OPERATOR, "^"),
    EQLC(Kind.OPERATOR, "=="),
    NEQ(Kind.OPERATOR, "!="),
    LSS(Kind.OPERATOR, "<"),
    LTE(Kind.OPERATOR, "<="),
    GTR(Kind.OPERATOR, ">"),
    GTE(Kind.OPERATOR, ">="),
    EQL_REGEX(Kind.OPERATOR, "=~"),
    NEQ_REGEX(Kind.OPERATOR, "!~"),
    LAND(Kind.OPERATOR, "and"),
    LOR(Kind.OPERATOR, "or"),
    LUNLESS(Kind.OPERATOR, "unless"),
    ATAN2(Kind.OPERATOR, "atan2"),
    AT(Kind.OPERATOR, "@"),

    AGGREGATOR(Kind.AGGREGATOR, "aggregator"),

    BY(Kind.KEYWORD, "by"),
    WITHOUT(Kind.KEYWORD, "without"),
    ON(Kind.KEYWORD, "on"),
    IGNORING(Kind.KEYWORD, "ignoring"),
    GROUP_LEFT(Kind.KEYWORD, "group_left"),
    GROUP_RIGHT(Kind.KEYWORD, "group_right"),
    BOOL(Kind.KEYWORD, "bool"),
    OFFSET(Kind.KEYWORD, "offset");

    enum Kind {
        OTHER,
        PUNCTUATION,
        OPERATOR,
        AGGREGATOR,
        KEYWORD
    }

    private final Kind kind;
    private final String text;

    TokenType(Kind kind, String text) {
        this.kind = kind;
        this.text = text;
    }

    Kind kind() {
        return kind;
    }

    /** The fixed text of punctuation, operators and keywords; a description for the others. */
    String text() {
        return text;
    }
}
