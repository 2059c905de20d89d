package io.vigil.rule.promql;

import java.util.regex.Pattern;

import io.vigil.rule.GoUnicode;

/** Quoting as Go's strconv does it, so that messages and printed PromQL read as Prometheus's. */
final class Quoting {

    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private Quoting() {
    }

    static boolean isLabelName(String s) {
        return LABEL_NAME.matcher(s).matches();
    }

    /** A label name as PromQL needs it written: bare when it can be, quoted otherwise. */
    static String labelName(String name) {
        return isLabelName(name) ? name : quote(name);
    }

    /** Go's {@code strconv.Quote}: a double-quoted string literal that PromQL reads back unchanged. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> appendEscaped(b, cp, '"'));
        return b.append('"').toString();
    }

    /** Go's {@code %q} for a rune, e.g. {@code '}'}; end of input is named as such. */
    static String quoteRune(int cp) {
        if (cp < 0) {
            return "end of input";
        }
        StringBuilder b = new StringBuilder("'");
        appendEscaped(b, cp, '\'');
        return b.append('\'').toString();
    }

    /** Go's {@code %#U}, e.g. {@code U+0063 'c'}. */
    static String describeRune(int cp) {
        String code = String.format("U+%04X", cp);
        return GoUnicode.isPrint(cp) ? code + " '" + new String(Character.toChars(cp)) + "'" : code;
    }

    private static void appendEscaped(StringBuilder b, int cp, char quote) {
        switch (cp) {
            case 0x07 -> b.append("\\a");
            case '\b' -> b.append("\\b");
            case '\f' -> b.append("\\f");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            case 0x0B -> b.append("\\v");
            case '\\' -> b.append("\\\\");
            default -> {
                if (cp == quote) {
                    b.append('\\').append(quote);
                } else if (GoUnicode.isPrint(cp)) {
                    b.appendCodePoint(cp);
                } else if (cp < 0x80) {
                    b.append(String.format("\\x%02x", cp));
                } else if (cp < 0x10000) {
                    b.append(String.format("\\u%04x", cp));
                } else {
                    b.append(String.format("\\U%08x", cp));
                }
            }
        }
    }
}
