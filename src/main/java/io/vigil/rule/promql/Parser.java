package io.vigil.rule.promql;

import java.time.Duration;
import java.util.List;

import io.vigil.rule.promql.Positions.BinarySyntax;
import io.vigil.rule.promql.Positions.Span;
import io.vigil.rule.promql.VectorMatching.Cardinality;

/**
 * Recursive-descent parser for expressions, with precedence climbing for binary operators. It
 * follows Prometheus's grammar: unary minus binds like {@code *} (so {@code -2 ^ 2} is
 * {@code -(2 ^ 2)}), and range brackets and {@code offset} bind tighter than any operator.
 * Operands and their pieces are parsed by {@link TermParser}.
 */
final class Parser {

    static final int LOWEST_PRECEDENCE = 1;
    // Deep enough for any real rule, shallow enough to fail with a message instead of a stack overflow.
    private static final int MAX_DEPTH = 250;

    private final TokenStream tokens;
    private final Positions positions;
    private final TermParser terms;
    private int depth;

    Parser(String input, Positions positions) {
        this.tokens = new TokenStream(new Lexer(input));
        this.positions = positions;
        this.terms = new TermParser(this, tokens, positions);
    }

    Expr parse() {
        if (tokens.at(TokenType.EOF)) {
            throw tokens.error(0, 0, "no expression found in input");
        }
        Expr expr = expression(LOWEST_PRECEDENCE);
        if (!tokens.at(TokenType.EOF)) {
            throw tokens.unexpected(tokens.peek(), null, null);
        }
        return expr;
    }

    /** An expression whose binary operators all have at least the given precedence. */
    Expr expression(int minPrecedence) {
        if (++depth > MAX_DEPTH) {
            throw tokens.error(tokens.peek(), "expression nested too deeply");
        }
        try {
            Expr lhs = unary();
            while (true) {
                Token opToken = tokens.peek();
                if (opToken.type() == TokenType.ATAN2) {
                    throw tokens.error(opToken, "binary operator \"atan2\" is not supported");
                }
                BinaryOp op = binaryOp(opToken.type());
                if (op == null || op.precedence() < minPrecedence) {
                    return lhs;
                }
                tokens.next();
                lhs = binary(op, opToken, lhs);
            }
        } finally {
            depth--;
        }
    }

    private Expr binary(BinaryOp op, Token opToken, Expr lhs) {
        boolean returnBool = false;
        if (tokens.at(TokenType.BOOL)) {
            tokens.next();
            returnBool = true;
        }
        VectorMatching written = VectorMatching.oneToOne();
        if (tokens.at(TokenType.ON) || tokens.at(TokenType.IGNORING)) {
            boolean on = tokens.next().type() == TokenType.ON;
            List<String> labels = terms.groupingLabels();
            Cardinality card = Cardinality.ONE_TO_ONE;
            List<String> include = List.of();
            if (tokens.at(TokenType.GROUP_LEFT) || tokens.at(TokenType.GROUP_RIGHT)) {
                card = tokens.next().type() == TokenType.GROUP_LEFT ? Cardinality.MANY_TO_ONE : Cardinality.ONE_TO_MANY;
                if (tokens.at(TokenType.LEFT_PAREN)) {
                    include = terms.groupingLabels();
                }
            }
            written = new VectorMatching(card, labels, on, include);
        }
        Span operator = new Span(opToken.start(), tokens.lastEnd());
        Expr rhs = expression(op.isRightAssociative() ? op.precedence() : op.precedence() + 1);

        // Matching only means something between two vectors; set operators always match many-to-many.
        VectorMatching matching = null;
        if (lhs.type() == ValueType.VECTOR && rhs.type() == ValueType.VECTOR) {
            boolean setDefault = op.isSetOperator() && written.card() == Cardinality.ONE_TO_ONE;
            matching = setDefault ? written.withCard(Cardinality.MANY_TO_MANY) : written;
        }
        BinaryExpr expr = positions.record(new BinaryExpr(op, lhs, rhs, returnBool, matching),
                positions.start(lhs), positions.end(rhs));
        positions.recordBinary(expr, new BinarySyntax(operator, written));
        return expr;
    }

    private Expr unary() {
        Token sign = tokens.peek();
        if (sign.type() != TokenType.ADD && sign.type() != TokenType.SUB) {
            return postfix(terms.primary());
        }
        tokens.next();
        // The operand takes only operators binding tighter than *, which leaves ^.
        Expr operand = expression(BinaryOp.POW.precedence());
        boolean minus = sign.type() == TokenType.SUB;
        int end = positions.end(operand);
        if (operand instanceof NumberLiteral number) {
            return positions.record(new NumberLiteral(minus ? -number.value() : number.value()), sign.start(), end);
        }
        return positions.record(new UnaryExpr(minus ? '-' : '+', operand), sign.start(), end);
    }

    private Expr postfix(Expr expr) {
        Expr result = expr;
        while (true) {
            switch (tokens.peek().type()) {
                case LEFT_BRACKET -> result = range(result);
                case OFFSET -> result = offset(result);
                case AT -> throw tokens.error(tokens.peek(), "the @ modifier is not supported");
                default -> {
                    return result;
                }
            }
        }
    }

    private Expr range(Expr expr) {
        Token open = tokens.next();
        Duration range = terms.duration("range selector");
        if (range.isNegative() || range.isZero()) {
            throw tokens.error(open.end(), tokens.lastEnd(), "duration must be greater than 0");
        }
        if (tokens.at(TokenType.COLON)) {
            throw tokens.error(tokens.peek(), "subqueries are not supported");
        }
        tokens.expect(TokenType.RIGHT_BRACKET, "range selector", "\"]\"");
        int end = tokens.lastEnd();
        if (!(expr instanceof VectorSelector selector)) {
            throw tokens.error(open.start(), end, "ranges only allowed for vector selectors");
        }
        if (!selector.offset().isZero()) {
            throw tokens.error(open.start(), end, "no offset modifiers allowed before range");
        }
        return positions.record(new MatrixSelector(selector, range), positions.start(expr), end);
    }

    private Expr offset(Expr expr) {
        tokens.next();
        Duration offset = terms.duration("offset");
        int start = positions.start(expr);
        int end = tokens.lastEnd();
        VectorSelector selector = switch (expr) {
            case VectorSelector vector -> vector;
            case MatrixSelector matrix -> matrix.vector();
            default -> throw tokens.error(start, positions.end(expr),
                    "offset modifier must be preceded by an instant vector selector or range vector selector");
        };
        if (!selector.offset().isZero()) {
            throw tokens.error(start, positions.end(expr), "offset may not be set multiple times");
        }
        VectorSelector shifted = positions.record(selector.withOffset(offset), start, positions.end(selector));
        if (expr instanceof MatrixSelector matrix) {
            return positions.record(new MatrixSelector(shifted, matrix.range()), start, end);
        }
        return positions.record(shifted, start, end);
    }

    private static BinaryOp binaryOp(TokenType type) {
        return switch (type) {
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUB;
            case MUL -> BinaryOp.MUL;
            case DIV -> BinaryOp.DIV;
            case MOD -> BinaryOp.MOD;
            case POW -> BinaryOp.POW;
            case EQLC -> BinaryOp.EQ;
            case NEQ -> BinaryOp.NEQ;
            case LSS -> BinaryOp.LT;
            case LTE -> BinaryOp.LTE;
            case GTR -> BinaryOp.GT;
            case GTE -> BinaryOp.GTE;
            case LAND -> BinaryOp.AND;
            case LOR -> BinaryOp.OR;
            case LUNLESS -> BinaryOp.UNLESS;
            default -> null;
        };
    }
}
