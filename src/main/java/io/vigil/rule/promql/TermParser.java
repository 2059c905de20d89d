package io.vigil.rule.promql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the operands of expressions: literals, parentheses, selectors, function calls and
 * aggregations, plus the label lists and durations that modifiers take.
 */
final class TermParser {

    private final Parser parser;
    private final TokenStream tokens;
    private final Positions positions;
    private final SelectorParser selectors;

    TermParser(Parser parser, TokenStream tokens, Positions positions) {
        this.parser = parser;
        this.tokens = tokens;
        this.positions = positions;
        this.selectors = new SelectorParser(tokens, positions);
    }

    Expr primary() {
        Token token = tokens.peek();
        return switch (token.type()) {
            case NUMBER -> {
                tokens.next();
                yield positions.record(new NumberLiteral(number(token)), token.start(), token.end());
            }
            case DURATION -> {
                // Prometheus 3 reads a duration in an expression as its number of seconds.
                tokens.next();
                double seconds = durationOf(token).toMillis() / 1000.0;
                yield positions.record(new NumberLiteral(seconds), token.start(), token.end());
            }
            case STRING -> {
                tokens.next();
                yield positions.record(new StringLiteral(token.value()), token.start(), token.end());
            }
            case LEFT_PAREN -> {
                tokens.next();
                Expr inner = parser.expression(Parser.LOWEST_PRECEDENCE);
                tokens.expect(TokenType.RIGHT_PAREN, "parenthesized expression", "\")\"");
                yield positions.record(new ParenExpr(inner), token.start(), tokens.lastEnd());
            }
            case LEFT_BRACE -> selectors.selector(null);
            case AGGREGATOR -> startsAggregation() ? aggregation() : selectors.selector(tokens.next());
            case IDENTIFIER -> tokens.peek(1).type() == TokenType.LEFT_PAREN ? call() : selectors.selector(tokens.next());
            // Words that are keywords elsewhere but may also name a metric, as in Prometheus.
            case METRIC_IDENTIFIER, BY, WITHOUT, OFFSET, LAND, LOR, LUNLESS -> selectors.selector(tokens.next());
            default -> throw tokens.unexpected(token, null, null);
        };
    }

    private boolean startsAggregation() {
        TokenType after = tokens.peek(1).type();
        return after == TokenType.LEFT_PAREN || after == TokenType.BY || after == TokenType.WITHOUT;
    }

    private Expr aggregation() {
        Token opToken = tokens.next();
        AggregateOp op = AggregateOp.byKeyword(opToken.text()).orElseThrow();
        Grouping grouping = null;
        if (tokens.at(TokenType.BY) || tokens.at(TokenType.WITHOUT)) {
            grouping = grouping();
            if (!tokens.at(TokenType.LEFT_PAREN)) {
                throw tokens.unexpected(tokens.peek(), "aggregation", "\"(\"");
            }
        }
        List<Expr> args = arguments("aggregation");
        if (grouping == null && (tokens.at(TokenType.BY) || tokens.at(TokenType.WITHOUT))) {
            grouping = grouping();
        }
        int start = opToken.start();
        int end = tokens.lastEnd();
        if (args.isEmpty()) {
            throw tokens.error(start, end, "no arguments for aggregate expression provided");
        }
        int wanted = op.hasParam() ? 2 : 1;
        if (args.size() != wanted) {
            throw tokens.error(start, end, "wrong number of arguments for aggregate expression provided, expected "
                    + wanted + ", got " + args.size());
        }
        Expr param = op.hasParam() ? args.get(0) : null;
        List<String> labels = grouping == null ? List.of() : grouping.labels();
        boolean without = grouping != null && grouping.without();
        return positions.record(new AggregateExpr(op, args.get(wanted - 1), param, labels, without), start, end);
    }

    private record Grouping(List<String> labels, boolean without) {
    }

    private Grouping grouping() {
        boolean without = tokens.next().type() == TokenType.WITHOUT;
        return new Grouping(groupingLabels(), without);
    }

    private Expr call() {
        Token name = tokens.next();
        List<Expr> args = arguments("function call");
        String functionName = name.text();
        Function function = Function.byName(functionName).orElseThrow(() -> {
            if (functionName.equals("limitk") || functionName.equals("limit_ratio")) {
                return tokens.error(name, "unsupported aggregation " + Quoting.quote(functionName));
            }
            if (Function.isOtherPrometheusFunction(functionName)) {
                return tokens.error(name, "function " + Quoting.quote(functionName) + " is not supported");
            }
            return tokens.error(name, "unknown function with name " + Quoting.quote(functionName));
        });
        return positions.record(new Call(function, args), name.start(), tokens.lastEnd());
    }

    private List<Expr> arguments(String context) {
        tokens.expect(TokenType.LEFT_PAREN, context, "\"(\"");
        List<Expr> args = new ArrayList<>();
        if (tokens.at(TokenType.RIGHT_PAREN)) {
            tokens.next();
            return args;
        }
        while (true) {
            args.add(parser.expression(Parser.LOWEST_PRECEDENCE));
            Token separator = tokens.peek();
            if (separator.type() == TokenType.RIGHT_PAREN) {
                tokens.next();
                return args;
            }
            if (separator.type() != TokenType.COMMA) {
                throw tokens.unexpected(separator, context, "\",\" or \")\"");
            }
            tokens.next();
            if (tokens.at(TokenType.RIGHT_PAREN)) {
                throw tokens.error(separator, "trailing commas not allowed in function call args");
            }
        }
    }

    /** A parenthesised list of label names, as after {@code by} or {@code on}; a trailing comma is fine. */
    List<String> groupingLabels() {
        tokens.expect(TokenType.LEFT_PAREN, "grouping opts", "\"(\"");
        List<String> labels = new ArrayList<>();
        if (tokens.at(TokenType.RIGHT_PAREN)) {
            tokens.next();
            return labels;
        }
        while (true) {
            labels.add(groupingLabel(tokens.peek()));
            tokens.next();
            Token separator = tokens.peek();
            if (separator.type() == TokenType.RIGHT_PAREN) {
                tokens.next();
                return labels;
            }
            if (separator.type() != TokenType.COMMA) {
                throw tokens.unexpected(separator, "grouping opts", "\",\" or \")\"");
            }
            tokens.next();
            if (tokens.at(TokenType.RIGHT_PAREN)) {
                tokens.next();
                return labels;
            }
        }
    }

    // Keywords are fine as label names here (by (on, bool)); a quoted string may be any name.
    private String groupingLabel(Token token) {
        if (token.type() == TokenType.STRING) {
            return token.value();
        }
        TokenType.Kind kind = token.type().kind();
        boolean wordLike = token.type() == TokenType.IDENTIFIER || token.type() == TokenType.METRIC_IDENTIFIER
                || kind == TokenType.Kind.KEYWORD || kind == TokenType.Kind.AGGREGATOR
                || kind == TokenType.Kind.OPERATOR && Lexer.isAlpha(token.text().charAt(0));
        if (!wordLike || !Quoting.isLabelName(token.text())) {
            throw tokens.unexpected(token, "grouping opts", "label");
        }
        return token.text();
    }

    /** A duration for a range or offset: a duration literal or a number of seconds, optionally signed. */
    Duration duration(String context) {
        Token sign = null;
        if (tokens.at(TokenType.SUB) || tokens.at(TokenType.ADD)) {
            sign = tokens.next();
        }
        Token token = tokens.peek();
        Duration duration = switch (token.type()) {
            case DURATION -> durationOf(token);
            case NUMBER -> {
                try {
                    yield Durations.ofSeconds(number(token));
                } catch (IllegalArgumentException e) {
                    throw tokens.error(token, e.getMessage());
                }
            }
            default -> throw tokens.unexpected(token, context, "number or duration");
        };
        tokens.next();
        return sign != null && sign.type() == TokenType.SUB ? duration.negated() : duration;
    }

    private Duration durationOf(Token token) {
        try {
            return Durations.parse(token.text());
        } catch (IllegalArgumentException e) {
            throw tokens.error(token, e.getMessage());
        }
    }

    private double number(Token token) {
        try {
            return NumberScanner.value(token.text());
        } catch (IllegalArgumentException e) {
            throw tokens.error(token, e.getMessage());
        }
    }
}
