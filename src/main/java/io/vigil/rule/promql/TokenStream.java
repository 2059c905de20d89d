package io.vigil.rule.promql;

import java.util.ArrayList;
import java.util.List;

/** The parser's view of the lexer: two tokens of lookahead and Prometheus-style errors. */
final class TokenStream {

    private final Lexer lexer;
    private final List<Token> ahead = new ArrayList<>(2);
    private int lastEnd;

    TokenStream(Lexer lexer) {
        this.lexer = lexer;
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int k) {
        while (ahead.size() <= k) {
            ahead.add(lexer.next());
        }
        return ahead.get(k);
    }

    boolean at(TokenType type) {
        return peek().type() == type;
    }

    Token next() {
        Token token = peek();
        ahead.remove(0);
        lastEnd = token.end();
        return token;
    }

    /** Consumes a token of the type, or fails naming what was found instead. */
    Token expect(TokenType type, String context, String expected) {
        if (!at(type)) {
            throw unexpected(peek(), context, expected);
        }
        return next();
    }

    /** Where the last consumed token ended. */
    int lastEnd() {
        return lastEnd;
    }

    /** Prometheus's "unexpected X in context, expected Y"; context and expected may be null. */
    ParseException unexpected(Token token, String context, String expected) {
        StringBuilder message = new StringBuilder("unexpected ").append(token.describe());
        if (context != null) {
            message.append(" in ").append(context);
        }
        if (expected != null) {
            message.append(", expected ").append(expected);
        }
        return error(token.start(), token.end(), message.toString());
    }

    ParseException error(Token token, String message) {
        return error(token.start(), token.end(), message);
    }

    ParseException error(int start, int end, String message) {
        return ParseException.at(lexer.input(), start, end, message);
    }
}
