package io.vigil.rule.promql;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/** Parses instant vector selectors: {@code name}, {@code name{matchers}} and {@code {matchers}}. */
final class SelectorParser {

    private final TokenStream tokens;
    private final Positions positions;

    SelectorParser(TokenStream tokens, Positions positions) {
        this.tokens = tokens;
        this.positions = positions;
    }

    /** A selector after its metric name token (already consumed), or at a brace when the name is null. */
    VectorSelector selector(Token name) {
        int start = name != null ? name.start() : tokens.peek().start();
        int end = name != null ? name.end() : start;
        List<LabelMatcher> matchers = new ArrayList<>();
        if (tokens.at(TokenType.LEFT_BRACE)) {
            labelMatchers(matchers);
            end = tokens.lastEnd();
        }
        // As in Prometheus, a name written outside the braces becomes the last matcher.
        String metricName = name != null ? name.text() : null;
        if (metricName != null) {
            matchers.add(LabelMatcher.metricName(metricName));
        }
        return positions.record(new VectorSelector(metricName, matchers, Duration.ZERO), start, end);
    }

    private void labelMatchers(List<LabelMatcher> matchers) {
        tokens.next();
        while (!tokens.at(TokenType.RIGHT_BRACE)) {
            matchers.add(labelMatcher());
            Token separator = tokens.peek();
            if (separator.type() == TokenType.COMMA) {
                tokens.next();
            } else if (separator.type() != TokenType.RIGHT_BRACE) {
                throw tokens.unexpected(separator, "label matching", "\",\" or \"}\"");
            }
        }
        tokens.next();
    }

    private LabelMatcher labelMatcher() {
        Token label = tokens.peek();
        if (label.type() != TokenType.IDENTIFIER && label.type() != TokenType.STRING) {
            throw tokens.unexpected(label, "label matching", "identifier or \"}\"");
        }
        tokens.next();
        LabelMatcher.Type type = matchType(tokens.peek().type());
        if (type == null) {
            // A lone quoted string names the metric: {"my.metric", job="x"}.
            if (label.type() == TokenType.STRING) {
                return LabelMatcher.metricName(label.value());
            }
            throw tokens.unexpected(tokens.peek(), "label matching", "label matching operator");
        }
        tokens.next();
        Token value = tokens.expect(TokenType.STRING, "label matching", "string");
        try {
            return new LabelMatcher(type, label.value(), value.value());
        } catch (IllegalArgumentException e) {
            throw tokens.error(label.start(), value.end(), "error parsing regexp " + Quoting.quote(value.value())
                    + ": " + regexProblem(e));
        }
    }

    private static String regexProblem(IllegalArgumentException e) {
        return e instanceof PatternSyntaxException syntax ? syntax.getDescription() : e.getMessage();
    }

    private static LabelMatcher.Type matchType(TokenType type) {
        return switch (type) {
            case EQL -> LabelMatcher.Type.EQ;
            case NEQ -> LabelMatcher.Type.NEQ;
            case EQL_REGEX -> LabelMatcher.Type.RE;
            case NEQ_REGEX -> LabelMatcher.Type.NRE;
            default -> null;
        };
    }
}
