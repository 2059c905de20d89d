package io.vigil.rule.template;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.vigil.rule.GoUnicode;

/** String transformations with Go's exact rules: case mapping, title case, and the html/js/urlquery escapers. */
final class GoStrings {

    private static final String HEX_UPPER = "0123456789ABCDEF";

    private GoStrings() {
    }

    /** Go's strings.ToUpper: simple per-rune mapping, so "ß" stays "ß" (Java's toUpperCase would give "SS"). */
    static String toUpper(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(r -> out.appendCodePoint(Character.toUpperCase(r)));
        return out.toString();
    }

    static String toLower(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(r -> out.appendCodePoint(Character.toLowerCase(r)));
        return out.toString();
    }

    /**
     * Prometheus' {@code title}, golang.org/x/text's {@code cases.Title(..., cases.NoLower)}: the first cased letter
     * of each word is title-cased and the rest is left alone. Apostrophes, periods and colons inside a word do not
     * end it ("don't" gives "Don't"), but two in a row do.
     */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean midWord = false;
        boolean previousMid = false;
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            boolean mid = isMidWord(r);
            if (previousMid && mid) {
                midWord = false;
            }
            if (isCased(r)) {
                out.appendCodePoint(midWord ? r : Character.toTitleCase(r));
                midWord = true;
            } else {
                out.appendCodePoint(r);
                if (isBreak(r)) {
                    midWord = false;
                }
            }
            previousMid = mid;
        }
        return out.toString();
    }

    private static boolean isCased(int r) {
        return Character.isUpperCase(r) || Character.isLowerCase(r) || Character.isTitleCase(r);
    }

    /** Unicode word-break classes MidLetter, MidNumLet and Single_Quote. */
    private static boolean isMidWord(int r) {
        return switch (r) {
            case '\'', '.', ':', 0x00B7, 0x0387, 0x05F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52, 0xFE55,
                 0xFF07, 0xFF0E, 0xFF1A -> true;
            default -> false;
        };
    }

    /** Whether a rune that is not a cased letter ends the current word. */
    private static boolean isBreak(int r) {
        if (isMidWord(r) || Character.isLetterOrDigit(r) || r == '_') {
            return false;
        }
        return switch (Character.getType(r)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                 Character.FORMAT, Character.CONNECTOR_PUNCTUATION, Character.MODIFIER_SYMBOL -> false;
            default -> true;
        };
    }

    /** Go's template {@code html} escaper. */
    static String htmlEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case 0 -> out.append('\uFFFD');
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Go's template {@code js} escaper. */
    static String jsEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(r -> {
            switch (r) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '<' -> out.append("\\u003C");
                case '>' -> out.append("\\u003E");
                case '&' -> out.append("\\u0026");
                case '=' -> out.append("\\u003D");
                default -> {
                    if (r < ' ') {
                        out.append("\\u00").append(HEX_UPPER.charAt(r >> 4)).append(HEX_UPPER.charAt(r & 15));
                    } else if (r < 0x80 || GoUnicode.isPrint(r)) {
                        out.appendCodePoint(r);
                    } else {
                        out.append("\\u").append(GoStrconv.hex(r, 4).toUpperCase(Locale.ROOT));
                    }
                }
            }
        });
        return out.toString();
    }

    /** Go's url.QueryEscape: only letters, digits and {@code -_.~} stay; spaces become '+'. */
    static String queryEscape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-_.~".indexOf(c) >= 0) {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX_UPPER.charAt(c >> 4)).append(HEX_UPPER.charAt(c & 15));
            }
        }
        return out.toString();
    }
}
