package io.vigil.rule.template;

import java.util.List;

import io.vigil.rule.template.Token.Type;

/**
 * Go's template lexer, including trim markers ({@code {{- } and {@code  -}}}) and comments. It lexes the whole input
 * up front; the list ends with EOF, or with an ERROR item where Go's lexer would stop.
 */
final class Lexer extends LexerScanner {

    private static final String LEFT = "{{";
    private int parenDepth;
    private boolean inside;

    private Lexer(String input) {
        super(input);
    }

    static List<Token> lex(String input) {
        Lexer lexer = new Lexer(input);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        boolean more = true;
        while (more) {
            more = inside ? insideAction() : text();
        }
    }

    /** Plain text up to the next action; trims trailing spaces when the action opens with {@code {{- }. */
    private boolean text() {
        int x = input.indexOf(LEFT, pos);
        if (x < 0) {
            pos = input.length();
            if (pos > start) {
                emit(Type.TEXT);
            }
            emit(Type.EOF);
            return false;
        }
        if (x > pos) {
            pos = x;
            int trim = hasLeftTrimMarker(x + LEFT.length()) ? rightTrimLength(start, x) : 0;
            pos = x - trim;
            if (pos > start) {
                emit(Type.TEXT);
            }
            pos = x;
            start = pos;
        }
        return leftDelim();
    }

    private boolean leftDelim() {
        pos += LEFT.length();
        int afterMarker = hasLeftTrimMarker(pos) ? 2 : 0;
        if (input.startsWith("/*", pos + afterMarker)) {
            pos += afterMarker;
            start = pos;
            return comment();
        }
        emit(Type.LEFT_DELIM);
        inside = true;
        pos += afterMarker;
        start = pos;
        parenDepth = 0;
        return true;
    }

    private boolean comment() {
        pos += 2;
        int x = input.indexOf("*/", pos);
        if (x < 0) {
            return error("unclosed comment");
        }
        pos = x + 2;
        int delim = rightDelimAt(pos);
        if (delim == 0) {
            return error("comment ends before closing delimiter");
        }
        pos += delim;
        if (delim > RIGHT.length()) {
            pos += leftTrimLength(pos);
        }
        start = pos;
        return true;
    }

    /** Length of a closing delimiter at {@code at}, with its trim marker if any; 0 when there is none. */
    private int rightDelimAt(int at) {
        if (hasRightTrimMarker(at) && input.startsWith(RIGHT, at + 2)) {
            return 2 + RIGHT.length();
        }
        return input.startsWith(RIGHT, at) ? RIGHT.length() : 0;
    }

    private boolean rightDelim() {
        boolean trim = rightDelimAt(pos) > RIGHT.length();
        if (trim) {
            pos += 2;
            start = pos;
        }
        pos += RIGHT.length();
        emit(Type.RIGHT_DELIM);
        inside = false;
        if (trim) {
            pos += leftTrimLength(pos);
            start = pos;
        }
        return true;
    }

    private boolean insideAction() {
        if (rightDelimAt(pos) > 0) {
            return parenDepth == 0 ? rightDelim() : error("unclosed left paren");
        }
        int r = next();
        switch (r) {
            case EOF -> {
                return error("unclosed action");
            }
            case ' ', '\t', '\r', '\n' -> {
                backup(r);
                return space();
            }
            case '=' -> emit(Type.ASSIGN);
            case ':' -> {
                if (next() != '=') {
                    return error("expected :=");
                }
                emit(Type.DECLARE);
            }
            case '|' -> emit(Type.PIPE);
            case '"' -> {
                return quote();
            }
            case '`' -> {
                return rawQuote();
            }
            case '$' -> {
                return atTerminator() ? emitting(Type.VARIABLE) : fieldOrVariable(Type.VARIABLE);
            }
            case '\'' -> {
                return charConstant();
            }
            case '(' -> {
                parenDepth++;
                emit(Type.LEFT_PAREN);
            }
            case ')' -> {
                parenDepth--;
                if (parenDepth < 0) {
                    return error("unexpected right paren");
                }
                emit(Type.RIGHT_PAREN);
            }
            default -> {
                return other(r);
            }
        }
        return true;
    }

    private boolean other(int r) {
        if (r == '.' && pos < input.length() && (input.charAt(pos) < '0' || input.charAt(pos) > '9')) {
            return fieldOrVariable(Type.FIELD);
        }
        if (r == '.' || r == '+' || r == '-' || r >= '0' && r <= '9') {
            backup(r);
            return number();
        }
        if (isAlphaNumeric(r)) {
            backup(r);
            return identifier();
        }
        if (r < 128 && r >= ' ' && r != 127) {
            emit(Type.CHAR);
            return true;
        }
        return error("unrecognized character in action: " + GoStrconv.describeRune(r));
    }

    /** A run of spaces; a single space before {@code -}}} belongs to the trim marker, not to the action. */
    private boolean space() {
        int spaces = 0;
        while (isSpace(peek())) {
            next();
            spaces++;
        }
        if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT, pos + 1)) {
            pos--;
            if (spaces == 1) {
                return rightDelim();
            }
        }
        emit(Type.SPACE);
        return true;
    }
}
