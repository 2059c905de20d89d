package io.vigil.rule.promql;

import java.util.Locale;
import java.util.Map;

/**
 * Splits PromQL into tokens on demand, in Prometheus's three states: inside braces only label
 * matchers, inside brackets only a range, everywhere else expressions. Lexing lazily means a bad
 * character is reported only when the parser gets there, after any earlier syntax error.
 */
final class Lexer {

    private static final Map<String, TokenType> KEYWORDS = Map.ofEntries(
            Map.entry("and", TokenType.LAND), Map.entry("or", TokenType.LOR),
            Map.entry("unless", TokenType.LUNLESS), Map.entry("atan2", TokenType.ATAN2),
            Map.entry("sum", TokenType.AGGREGATOR), Map.entry("avg", TokenType.AGGREGATOR),
            Map.entry("count", TokenType.AGGREGATOR), Map.entry("min", TokenType.AGGREGATOR),
            Map.entry("max", TokenType.AGGREGATOR), Map.entry("group", TokenType.AGGREGATOR),
            Map.entry("stddev", TokenType.AGGREGATOR), Map.entry("stdvar", TokenType.AGGREGATOR),
            Map.entry("topk", TokenType.AGGREGATOR), Map.entry("bottomk", TokenType.AGGREGATOR),
            Map.entry("count_values", TokenType.AGGREGATOR), Map.entry("quantile", TokenType.AGGREGATOR),
            Map.entry("offset", TokenType.OFFSET), Map.entry("by", TokenType.BY),
            Map.entry("without", TokenType.WITHOUT), Map.entry("on", TokenType.ON),
            Map.entry("ignoring", TokenType.IGNORING), Map.entry("group_left", TokenType.GROUP_LEFT),
            Map.entry("group_right", TokenType.GROUP_RIGHT), Map.entry("bool", TokenType.BOOL),
            Map.entry("inf", TokenType.NUMBER), Map.entry("nan", TokenType.NUMBER));

    private final String input;
    private int pos;
    private int parenDepth;
    private boolean braceOpen;
    private boolean bracketOpen;

    Lexer(String input) {
        this.input = input;
    }

    String input() {
        return input;
    }

    /** The next token; at the end of the input, EOF again and again. */
    Token next() {
        skipSpaceAndComments();
        if (braceOpen) {
            return insideBraces();
        }
        if (bracketOpen) {
            return insideBrackets();
        }
        return statement();
    }

    private Token statement() {
        int start = pos;
        if (start >= input.length()) {
            if (parenDepth > 0) {
                throw error(start, "unclosed left parenthesis");
            }
            return new Token(TokenType.EOF, "", start, start);
        }
        char c = input.charAt(start);
        return switch (c) {
            case ',' -> emit(TokenType.COMMA, 1);
            case '*' -> emit(TokenType.MUL, 1);
            case '/' -> emit(TokenType.DIV, 1);
            case '%' -> emit(TokenType.MOD, 1);
            case '+' -> emit(TokenType.ADD, 1);
            case '-' -> emit(TokenType.SUB, 1);
            case '^' -> emit(TokenType.POW, 1);
            case '@' -> emit(TokenType.AT, 1);
            case '=' -> switch (charAt(start + 1)) {
                case '=' -> emit(TokenType.EQLC, 2);
                case '~' -> throw error(start, "unexpected character after '=': '~'");
                default -> emit(TokenType.EQL, 1);
            };
            case '!' -> {
                if (charAt(start + 1) != '=') {
                    throw error(start, "unexpected character after '!': " + Quoting.quoteRune(codePointAt(start + 1)));
                }
                yield emit(TokenType.NEQ, 2);
            }
            case '<' -> charAt(start + 1) == '=' ? emit(TokenType.LTE, 2) : emit(TokenType.LSS, 1);
            case '>' -> charAt(start + 1) == '=' ? emit(TokenType.GTE, 2) : emit(TokenType.GTR, 1);
            case '"', '\'', '`' -> string();
            case '(' -> {
                parenDepth++;
                yield emit(TokenType.LEFT_PAREN, 1);
            }
            case ')' -> {
                if (parenDepth == 0) {
                    throw error(start, "unexpected right parenthesis ')'");
                }
                parenDepth--;
                yield emit(TokenType.RIGHT_PAREN, 1);
            }
            case '{' -> {
                braceOpen = true;
                yield emit(TokenType.LEFT_BRACE, 1);
            }
            case '[' -> {
                bracketOpen = true;
                yield emit(TokenType.LEFT_BRACKET, 1);
            }
            case ']' -> throw error(start, "unexpected right bracket ']'");
            default -> {
                if (isDigit(c) || c == '.' && isDigit(charAt(start + 1))) {
                    yield numberOrDuration();
                }
                if (isAlpha(c) || c == ':') {
                    yield keywordOrIdentifier();
                }
                throw error(start, "unexpected character: " + Quoting.quoteRune(codePointAt(start)));
            }
        };
    }

    // Inside braces keywords are plain label names and a colon is not part of a name.
    private Token insideBraces() {
        int start = pos;
        if (start >= input.length()) {
            throw error(start, "unexpected end of input inside braces");
        }
        char c = input.charAt(start);
        return switch (c) {
            case ',' -> emit(TokenType.COMMA, 1);
            case '"', '\'', '`' -> string();
            case '=' -> charAt(start + 1) == '~' ? emit(TokenType.EQL_REGEX, 2) : emit(TokenType.EQL, 1);
            case '!' -> switch (charAt(start + 1)) {
                case '~' -> emit(TokenType.NEQ_REGEX, 2);
                case '=' -> emit(TokenType.NEQ, 2);
                default -> throw error(start, "unexpected character after '!' inside braces: "
                        + Quoting.quoteRune(codePointAt(start + 1)));
            };
            case '{' -> throw error(start, "unexpected left brace '{'");
            case '}' -> {
                braceOpen = false;
                yield emit(TokenType.RIGHT_BRACE, 1);
            }
            default -> {
                if (!isAlpha(c)) {
                    throw error(start, "unexpected character inside braces: " + Quoting.quoteRune(codePointAt(start)));
                }
                int end = start;
                while (end < input.length() && isAlphaNumeric(input.charAt(end))) {
                    end++;
                }
                yield emit(TokenType.IDENTIFIER, end - start);
            }
        };
    }

    private Token insideBrackets() {
        int start = pos;
        if (start >= input.length()) {
            throw error(start, "unexpected end of input in duration expression");
        }
        char c = input.charAt(start);
        return switch (c) {
            case ']' -> {
                bracketOpen = false;
                yield emit(TokenType.RIGHT_BRACKET, 1);
            }
            case ':' -> emit(TokenType.COLON, 1);
            case '-' -> emit(TokenType.SUB, 1);
            case '+' -> emit(TokenType.ADD, 1);
            default -> {
                if (isDigit(c) || c == '.' && isDigit(charAt(start + 1))) {
                    yield numberOrDuration();
                }
                throw error(start, "unexpected character in duration expression: " + Quoting.quoteRune(codePointAt(start)));
            }
        };
    }

    private Token keywordOrIdentifier() {
        int start = pos;
        int end = start;
        while (end < input.length() && (isAlphaNumeric(input.charAt(end)) || input.charAt(end) == ':')) {
            end++;
        }
        String word = input.substring(start, end);
        TokenType keyword = KEYWORDS.get(word.toLowerCase(Locale.ROOT));
        if (keyword != null) {
            return emit(keyword, end - start);
        }
        return emit(word.indexOf(':') >= 0 ? TokenType.METRIC_IDENTIFIER : TokenType.IDENTIFIER, end - start);
    }

    private Token numberOrDuration() {
        Token token = NumberScanner.scan(input, pos);
        pos = token.end();
        return token;
    }

    private Token string() {
        Token token = StringScanner.scan(input, pos);
        pos = token.end();
        return token;
    }

    private void skipSpaceAndComments() {
        while (pos < input.length()) {
            char c = input.charAt(pos);
            if (isSpace(c)) {
                pos++;
            } else if (c == '#' && !bracketOpen) {
                while (pos < input.length() && input.charAt(pos) != '\n' && input.charAt(pos) != '\r') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private Token emit(TokenType type, int length) {
        Token token = new Token(type, input.substring(pos, pos + length), pos, pos + length);
        pos += length;
        return token;
    }

    private char charAt(int i) {
        return i < input.length() ? input.charAt(i) : '\0';
    }

    private int codePointAt(int i) {
        return i < input.length() ? input.codePointAt(i) : -1;
    }

    private ParseException error(int at, String message) {
        return ParseException.at(input, at, at + 1, message);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlpha(char c) {
        return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    static boolean isAlphaNumeric(char c) {
        return isAlpha(c) || isDigit(c);
    }
}
