package io.vigil.rule.promql;

/**
 * A token: its text as written, where it is (char offsets, end exclusive) and, for a string, its
 * value with escapes resolved.
 */
record Token(TokenType type, String text, int start, int end, String value) {

    Token(TokenType type, String text, int start, int end) {
        this(type, text, start, end, text);
    }

    /** How Prometheus names a token in "unexpected ..." messages, e.g. {@code <op:*>}, {@code "}"}. */
    String describe() {
        return switch (type.kind()) {
            case KEYWORD -> "<" + text + ">";
            case OPERATOR -> "<op:" + text + ">";
            case AGGREGATOR -> "<aggr:" + text + ">";
            case PUNCTUATION -> Quoting.quote(text);
            case OTHER -> switch (type) {
                case EOF -> type.text();
                case IDENTIFIER, METRIC_IDENTIFIER -> type.text() + " " + Quoting.quote(text);
                default -> type.text() + " " + shortened();
            };
        };
    }

    // Long literals are cut to ten characters in messages, as Prometheus does.
    private String shortened() {
        if (text.codePointCount(0, text.length()) <= 10) {
            return Quoting.quote(text);
        }
        return Quoting.quote(text.substring(0, text.offsetByCodePoints(0, 10))) + "...";
    }
}
