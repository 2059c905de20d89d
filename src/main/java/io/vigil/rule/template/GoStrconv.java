package io.vigil.rule.template;

import java.util.Locale;
import java.util.regex.Pattern;

import io.vigil.rule.GoUnicode;

/** The parts of Go's {@code strconv} the template language leans on: float parsing, quoting and unquoting. */
final class GoStrconv {

    /** Go float syntax: decimal with optional exponent, or hexadecimal mantissa with a mandatory binary exponent. */
    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(?:[0-9_]+\\.?[0-9_]*|\\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?");
    private static final Pattern HEX =
            Pattern.compile("[+-]?0[xX](?:[0-9a-fA-F_]+\\.?[0-9a-fA-F_]*|\\.[0-9a-fA-F_]+)[pP][+-]?[0-9_]+");

    private GoStrconv() {
    }

    /** {@code strconv.ParseFloat(s, 64)}, failing with Go's message, e.g. {@code parsing "one": invalid syntax}. */
    static double parseFloat(String s) throws FuncException {
        Double special = special(s);
        if (special != null) {
            return special;
        }
        boolean hex = HEX.matcher(s).matches();
        if (!hex && !DECIMAL.matcher(s).matches() || s.indexOf('_') >= 0 && !underscoresOk(s)) {
            throw new FuncException("strconv.ParseFloat: parsing " + quote(s) + ": invalid syntax");
        }
        String plain = s.replace("_", "");
        double value = Double.parseDouble(hex ? plain : plain.toLowerCase(Locale.ROOT));
        if (Double.isInfinite(value)) {
            throw new FuncException("strconv.ParseFloat: parsing " + quote(s) + ": value out of range");
        }
        return value;
    }

    private static Double special(String s) {
        String body = s;
        double sign = 1;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            sign = s.charAt(0) == '-' ? -1 : 1;
            body = s.substring(1);
        } else if (s.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        return null;
    }

    /** Underscores only between digits, or between a base prefix and a digit. */
    private static boolean underscoresOk(String s) {
        int i = s.startsWith("+") || s.startsWith("-") ? 1 : 0;
        char saw = '^';
        boolean hex = false;
        if (s.length() - i >= 2 && s.charAt(i) == '0' && "bBoOxX".indexOf(s.charAt(i + 1)) >= 0) {
            hex = Character.toLowerCase(s.charAt(i + 1)) == 'x';
            i += 2;
            saw = '0';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || hex && Character.digit(c, 16) >= 0) {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                if (saw == '_') {
                    return false;
                }
                saw = '!';
            }
        }
        return saw != '_';
    }

    /** {@code strconv.Quote}: a double-quoted Go string literal. */
    static String quote(String s) {
        return quoteWith(s, '"', false);
    }

    /** {@code strconv.QuoteToASCII}. */
    static String quoteAscii(String s) {
        return quoteWith(s, '"', true);
    }

    /** {@code strconv.QuoteRune}. */
    static String quoteRune(int r, boolean asciiOnly) {
        if (r > Character.MAX_CODE_POINT || r >= 0xD800 && r <= 0xDFFF || r < 0) {
            r = 0xFFFD;
        }
        return quoteWith(new String(Character.toChars(r)), '\'', asciiOnly);
    }

    static boolean canBackquote(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '`' || c == '\uFFFD' || c < ' ' && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    private static String quoteWith(String s, char q, boolean asciiOnly) {
        StringBuilder out = new StringBuilder(s.length() + 2).append(q);
        s.codePoints().forEach(r -> {
            if (r == q || r == '\\') {
                out.append('\\').appendCodePoint(r);
            } else if (asciiOnly ? r < 0x80 && GoUnicode.isPrint(r) : GoUnicode.isPrint(r)) {
                out.appendCodePoint(r);
            } else {
                escape(out, r);
            }
        });
        return out.append(q).toString();
    }

    private static void escape(StringBuilder out, int r) {
        switch (r) {
            case 7 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 11 -> out.append("\\v");
            default -> {
                if (r < ' ' || r == 0x7f) {
                    out.append("\\x").append(hex(r, 2));
                } else if (r < 0x10000) {
                    out.append("\\u").append(hex(r, 4));
                } else {
                    out.append("\\U").append(hex(r, 8));
                }
            }
        }
    }

    static String hex(int value, int width) {
        String digits = Integer.toHexString(value);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    /** Go's {@code %#U}: {@code U+0078 'x'} for printable runes, just {@code U+00A0} otherwise. */
    static String describeRune(int r) {
        String hex = Integer.toHexString(r).toUpperCase(Locale.ROOT);
        String code = "U+" + "0".repeat(Math.max(0, 4 - hex.length())) + hex;
        return GoUnicode.isPrint(r) ? code + " '" + new String(Character.toChars(r)) + "'" : code;
    }
}
