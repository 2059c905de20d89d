package io.vigil.rule.template;

import java.nio.charset.StandardCharsets;

/** Go's {@code strconv.Unquote}, for the string, raw string and rune literals a template may contain. */
final class GoUnquote {

    private GoUnquote() {
    }

    /** {@code strconv.Unquote} for the string literals a template may contain; returns null when malformed. */
    static String unquote(String literal) {
        if (literal.length() < 2) {
            return null;
        }
        char q = literal.charAt(0);
        if (literal.charAt(literal.length() - 1) != q) {
            return null;
        }
        String body = literal.substring(1, literal.length() - 1);
        if (q == '`') {
            return body.indexOf('`') >= 0 ? null : body.replace("\r", "");
        }
        if (q != '"' && q != '\'') {
            return null;
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == q || c == '\n') {
                return null;
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            i = unescape(body, i + 1, q, out);
            if (i < 0) {
                return null;
            }
        }
        if (q == '\'' && out.codePointCount(0, out.length()) != 1) {
            return null;
        }
        return out.toString();
    }

    /** Decodes the escape starting after a backslash at {@code i}; returns the next index or -1. */
    private static int unescape(String s, int i, char q, StringBuilder out) {
        if (i >= s.length()) {
            return -1;
        }
        char c = s.charAt(i);
        switch (c) {
            case 'a' -> out.append((char) 7);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append((char) 11);
            case '\\' -> out.append('\\');
            case '\'', '"' -> {
                if (c != q) {
                    return -1;
                }
                out.append(c);
            }
            case 'x', 'u', 'U' -> {
                int n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                if (i + 1 + n > s.length()) {
                    return -1;
                }
                int value;
                try {
                    value = Integer.parseUnsignedInt(s.substring(i + 1, i + 1 + n), 16);
                } catch (NumberFormatException e) {
                    return -1;
                }
                if (c == 'x') {
                    // A \x escape is one raw byte; only ASCII bytes survive as text in Java strings.
                    out.append(new String(new byte[] {(byte) value}, StandardCharsets.ISO_8859_1));
                } else if (!Character.isValidCodePoint(value) || value >= 0xD800 && value <= 0xDFFF) {
                    return -1;
                } else {
                    out.appendCodePoint(value);
                }
                return i + 1 + n;
            }
            default -> {
                if (c < '0' || c > '7' || i + 3 > s.length()) {
                    return -1;
                }
                try {
                    int value = Integer.parseInt(s.substring(i, i + 3), 8);
                    if (value > 255) {
                        return -1;
                    }
                    out.append((char) value);
                } catch (NumberFormatException e) {
                    return -1;
                }
                return i + 3;
            }
        }
        return i + 1;
    }
}
