package io.vigil.rule.promql;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Scans a string literal with Go's rules, as Prometheus does: in double and single quotes the escapes
 * {@code \a \b \f \n \r \t \v \\}, the enclosing quote, three octal digits, {@code \x} with two hex
 * digits, and lower- or upper-case u with four or eight hex digits for a code point; in backticks no
 * escapes, and newlines are allowed. Octal and {@code \x} escapes are bytes, so {@code "\xe2\x98\xba"}
 * is the UTF-8 of one character.
 */
final class StringScanner {

    private final String input;
    private final int start;
    private final char quote;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int pos;

    private StringScanner(String input, int start) {
        this.input = input;
        this.start = start;
        this.quote = input.charAt(start);
        this.pos = start + 1;
    }

    static Token scan(String input, int start) {
        StringScanner s = new StringScanner(input, start);
        if (s.quote == '`') {
            s.scanRaw();
        } else {
            s.scanQuoted();
        }
        String value = s.bytes.toString(StandardCharsets.UTF_8);
        return new Token(TokenType.STRING, input.substring(start, s.pos), start, s.pos, value);
    }

    private void scanRaw() {
        int end = input.indexOf('`', pos);
        if (end < 0) {
            throw ParseException.at(input, start, input.length(), "unterminated raw string");
        }
        appendText(input.substring(pos, end));
        pos = end + 1;
    }

    private void scanQuoted() {
        while (true) {
            if (pos >= input.length() || input.charAt(pos) == '\n') {
                throw ParseException.at(input, start, pos, "unterminated quoted string");
            }
            char c = input.charAt(pos);
            if (c == quote) {
                pos++;
                return;
            }
            if (c == '\\') {
                escape();
            } else {
                int cp = input.codePointAt(pos);
                appendText(new String(Character.toChars(cp)));
                pos += Character.charCount(cp);
            }
        }
    }

    private void escape() {
        int backslash = pos;
        pos++;
        if (pos >= input.length()) {
            throw error(backslash, "escape sequence not terminated");
        }
        char c = input.charAt(pos);
        switch (c) {
            case 'a' -> simple(0x07);
            case 'b' -> simple('\b');
            case 'f' -> simple('\f');
            case 'n' -> simple('\n');
            case 'r' -> simple('\r');
            case 't' -> simple('\t');
            case 'v' -> simple(0x0B);
            case '\\' -> simple('\\');
            case '0', '1', '2', '3', '4', '5', '6', '7' -> bytes.write(digits(backslash, pos, 3, 8, 255));
            case 'x' -> bytes.write(digits(backslash, pos + 1, 2, 16, 255));
            case 'u' -> appendText(new String(Character.toChars(digits(backslash, pos + 1, 4, 16, Character.MAX_CODE_POINT))));
            case 'U' -> appendText(new String(Character.toChars(digits(backslash, pos + 1, 8, 16, Character.MAX_CODE_POINT))));
            default -> {
                if (c != quote) {
                    throw error(backslash, "unknown escape sequence " + Quoting.describeRune(input.codePointAt(pos)));
                }
                simple(c);
            }
        }
    }

    private void simple(int c) {
        bytes.write(c);
        pos++;
    }

    // Reads exactly n digits in the base from `from`, leaving pos after them.
    private int digits(int backslash, int from, int n, int base, int max) {
        long value = 0;
        pos = from;
        for (int i = 0; i < n; i++) {
            if (pos >= input.length()) {
                throw error(backslash, "escape sequence not terminated");
            }
            int digit = Character.digit(input.charAt(pos), base);
            if (digit < 0 || input.charAt(pos) > 'f') {
                throw error(backslash, "illegal character " + Quoting.describeRune(input.codePointAt(pos))
                        + " in escape sequence");
            }
            value = value * base + digit;
            pos++;
        }
        if (value > max || value >= 0xD800 && value < 0xE000) {
            throw error(backslash, "escape sequence is an invalid Unicode code point");
        }
        return (int) value;
    }

    private void appendText(String text) {
        bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private ParseException error(int at, String message) {
        return ParseException.at(input, at, pos, message);
    }
}
