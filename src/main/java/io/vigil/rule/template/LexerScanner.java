package io.vigil.rule.template;

import java.util.ArrayList;
import java.util.List;

import io.vigil.rule.template.Token.Type;

/** Rune-level scanning for {@link Lexer}: input navigation, item emission, and literals inside actions. */
abstract class LexerScanner {

    static final String RIGHT = "}}";
    static final int EOF = -1;

    final String input;
    final List<Token> tokens = new ArrayList<>();
    int pos;
    int start;
    private int lineCountedTo;
    private int line = 1;

    LexerScanner(String input) {
        this.input = input;
    }

    final int lineAt(int offset) {
        for (; lineCountedTo < offset; lineCountedTo++) {
            if (input.charAt(lineCountedTo) == '\n') {
                line++;
            }
        }
        return line;
    }

    final void emit(Type type) {
        tokens.add(new Token(type, start, input.substring(start, pos), lineAt(start)));
        start = pos;
    }

    final boolean error(String message) {
        tokens.add(new Token(Type.ERROR, start, message, lineAt(start)));
        return false;
    }

    final int next() {
        if (pos >= input.length()) {
            return EOF;
        }
        int r = input.codePointAt(pos);
        pos += Character.charCount(r);
        return r;
    }

    final void backup(int r) {
        if (r != EOF) {
            pos -= Character.charCount(r);
        }
    }

    final int peek() {
        int r = next();
        backup(r);
        return r;
    }

    final boolean accept(String valid) {
        int r = next();
        if (r != EOF && valid.indexOf(r) >= 0) {
            return true;
        }
        backup(r);
        return false;
    }

    final void acceptRun(String valid) {
        while (accept(valid)) {
            // Consumes the run.
        }
    }

    final boolean emitting(Type type) {
        emit(type);
        return true;
    }

    final boolean identifier() {
        int r;
        do {
            r = next();
        } while (isAlphaNumeric(r));
        backup(r);
        if (!atTerminator()) {
            return error("bad character " + GoStrconv.describeRune(r));
        }
        String word = input.substring(start, pos);
        Type keyword = Token.KEYWORDS.get(word);
        if (keyword != null) {
            emit(keyword);
        } else if (word.equals("true") || word.equals("false")) {
            emit(Type.BOOL);
        } else {
            emit(Type.IDENTIFIER);
        }
        return true;
    }

    final boolean fieldOrVariable(Type type) {
        if (atTerminator()) {
            emit(type == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
            return true;
        }
        int r;
        do {
            r = next();
        } while (isAlphaNumeric(r));
        backup(r);
        if (!atTerminator()) {
            return error("bad character " + GoStrconv.describeRune(r));
        }
        emit(type);
        return true;
    }

    final boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        return switch (r) {
            case EOF, '.', ',', '|', ':', ')', '(' -> true;
            default -> input.startsWith(RIGHT, pos);
        };
    }

    final boolean charConstant() {
        return quoted('\'', Type.CHAR_CONSTANT, "unterminated character constant");
    }

    final boolean number() {
        if (!scanNumber()) {
            return error("bad number syntax: " + GoStrconv.quote(input.substring(start, pos)));
        }
        int sign = peek();
        if (sign == '+' || sign == '-') {
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return error("bad number syntax: " + GoStrconv.quote(input.substring(start, pos)));
            }
            emit(Type.COMPLEX);
            return true;
        }
        emit(Type.NUMBER);
        return true;
    }

    final boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE") || digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    final boolean quote() {
        return quoted('"', Type.STRING, "unterminated quoted string");
    }

    /** Scans to the unescaped {@code close} on the same line, as Go's lexer does for "..." and '...'. */
    private boolean quoted(char close, Type type, String unterminated) {
        while (true) {
            int r = next();
            if (r == '\\') {
                r = next();
                if (r != EOF && r != '\n') {
                    continue;
                }
            }
            if (r == EOF || r == '\n') {
                return error(unterminated);
            }
            if (r == close) {
                emit(type);
                return true;
            }
        }
    }

    final boolean rawQuote() {
        int end = input.indexOf('`', pos);
        if (end < 0) {
            return error("unterminated raw quoted string");
        }
        pos = end + 1;
        emit(Type.RAW_STRING);
        return true;
    }

    final boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    final boolean hasRightTrimMarker(int at) {
        return at >= 0 && at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
    }

    final int rightTrimLength(int from, int to) {
        int i = to;
        while (i > from && isSpace(input.charAt(i - 1))) {
            i--;
        }
        return to - i;
    }

    final int leftTrimLength(int from) {
        int i = from;
        while (i < input.length() && isSpace(input.charAt(i))) {
            i++;
        }
        return i - from;
    }

    static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    static boolean isAlphaNumeric(int r) {
        return r == '_' || r != EOF && (Character.isLetter(r) || Character.isDigit(r));
    }
}
