package io.vigil.rule.template;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.vigil.rule.GoUnicode;

/** Flags, width and precision of one Go fmt verb, and the primitive formatters that honour them. */
final class GoFmtState {

    final StringBuilder buf;
    boolean sharp;
    boolean zero;
    boolean plus;
    boolean minus;
    boolean space;
    boolean plusV;
    boolean widPresent;
    boolean precPresent;
    int wid;
    int prec;

    GoFmtState(StringBuilder buf) {
        this.buf = buf;
    }

    void clearFlags() {
        sharp = zero = plus = minus = space = plusV = widPresent = precPresent = false;
        wid = prec = 0;
    }

    /** Reads the flags {@code #0+- } starting at {@code i}; returns the index after them. */
    int parseFlags(String format, int i) {
        for (; i < format.length(); i++) {
            switch (format.charAt(i)) {
                case '#' -> sharp = true;
                case '0' -> zero = !minus;
                case '+' -> plus = true;
                case '-' -> {
                    minus = true;
                    zero = false;
                }
                case ' ' -> space = true;
                default -> {
                    return i;
                }
            }
        }
        return i;
    }

    private void writePadding(int n) {
        char padding = zero ? '0' : ' ';
        buf.repeat(padding, Math.max(n, 0));
    }

    /** Writes {@code s} padded to the width, counting runes as Go does. */
    void pad(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (minus) {
            buf.append(s);
            writePadding(width);
        } else {
            writePadding(width);
            buf.append(s);
        }
    }

    /** Integer verbs; false when the verb does not apply to integers. */
    boolean printInteger(long n, int verb) {
        switch (verb) {
            case 'v', 'd' -> fmtInteger(n, 10, (char) verb, false);
            case 'b' -> fmtInteger(n, 2, 'b', false);
            case 'o', 'O' -> fmtInteger(n, 8, (char) verb, false);
            case 'x' -> fmtInteger(n, 16, 'x', false);
            case 'X' -> fmtInteger(n, 16, 'X', true);
            case 'c', 'q', 'U' -> fmtRune(n, (char) verb);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Float verbs; false when the verb does not apply to floats. */
    boolean printFloat(double d, int verb) {
        switch (verb) {
            case 'v' -> fmtFloat(d, 'g', -1);
            case 'b', 'g', 'G', 'x', 'X' -> fmtFloat(d, (char) verb, -1);
            case 'f', 'e', 'E' -> fmtFloat(d, (char) verb, 6);
            case 'F' -> fmtFloat(d, 'f', 6);
            default -> {
                return false;
            }
        }
        return true;
    }

    void fmtBoolean(boolean v) {
        pad(v ? "true" : "false");
    }

    private void fmtInteger(long v, int base, char verb, boolean upper) {
        boolean negative = v < 0;
        long u = negative ? -v : v;
        int precision = 0;
        if (precPresent) {
            precision = prec;
            if (precision == 0 && u == 0) {
                // An explicit zero precision prints nothing for zero, but still pads.
                boolean oldZero = zero;
                zero = false;
                writePadding(wid);
                zero = oldZero;
                return;
            }
        } else if (zero && widPresent) {
            precision = wid;
            if (negative || plus || space) {
                precision--;
            }
        }
        String digits = Long.toUnsignedString(u, base);
        if (upper) {
            digits = digits.toUpperCase(Locale.ROOT);
        }
        StringBuilder number = new StringBuilder();
        if (sharp) {
            switch (base) {
                case 2 -> number.append("0b");
                case 8 -> number.append(precision <= digits.length() && digits.charAt(0) != '0' ? "0" : "");
                case 16 -> number.append(upper ? "0X" : "0x");
                default -> {
                }
            }
        }
        if (verb == 'O') {
            number.append("0o");
        }
        number.repeat('0', Math.max(0, precision - digits.length())).append(digits);
        String sign = negative ? "-" : plus ? "+" : space ? " " : "";
        boolean oldZero = zero;
        zero = false;
        pad(sign + number);
        zero = oldZero;
    }

    /** {@code %c}, {@code %q} and {@code %U} on integers, which Go treats as runes. */
    private void fmtRune(long v, char verb) {
        int r = v < 0 || v > Character.MAX_CODE_POINT || v >= 0xD800 && v <= 0xDFFF ? 0xFFFD : (int) v;
        boolean oldZero = zero;
        zero = false;
        switch (verb) {
            case 'c' -> pad(new String(Character.toChars(r)));
            case 'q' -> pad(GoStrconv.quoteRune(r, plus));
            default -> {
                String hex = Long.toHexString(v).toUpperCase(Locale.ROOT);
                int width = precPresent && prec > 4 ? prec : 4;
                String unicode = "U+" + "0".repeat(Math.max(0, width - hex.length())) + hex;
                if (sharp && r == v && GoUnicode.isPrint(r)) {
                    unicode += " '" + new String(Character.toChars(r)) + "'";
                }
                pad(unicode);
            }
        }
        zero = oldZero;
    }

    private void fmtFloat(double v, char verb, int defaultPrec) {
        int precision = precPresent ? prec : defaultPrec;
        String num = GoFloatFormat.format(v, verb, precision);
        if (num.charAt(0) != '-' && num.charAt(0) != '+') {
            num = "+" + num;
        }
        if (space && num.charAt(0) == '+' && !plus) {
            num = " " + num.substring(1);
        }
        char first = num.charAt(1);
        if (first == 'I' || first == 'N') {
            // Infinities and NaN are not numbers to pad with zeros, and NaN has no sign unless asked.
            boolean oldZero = zero;
            zero = false;
            if (first == 'N' && !space && !plus) {
                num = num.substring(1);
            }
            pad(num);
            zero = oldZero;
            return;
        }
        if (plus || num.charAt(0) != '+') {
            if (zero && !minus && widPresent && wid > num.length()) {
                buf.append(num.charAt(0));
                writePadding(wid - num.length());
                buf.append(num, 1, num.length());
                return;
            }
            pad(num);
            return;
        }
        pad(num.substring(1));
    }

    void fmtString(String s, char verb) {
        switch (verb) {
            case 'x', 'X' -> fmtHex(s.getBytes(StandardCharsets.UTF_8), verb == 'X');
            case 'q' -> {
                String t = truncate(s);
                pad(sharp && GoStrconv.canBackquote(t) ? "`" + t + "`"
                        : plus ? GoStrconv.quoteAscii(t) : GoStrconv.quote(t));
            }
            default -> pad(truncate(s));
        }
    }

    private String truncate(String s) {
        if (!precPresent || s.codePointCount(0, s.length()) <= prec) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, prec));
    }

    private void fmtHex(byte[] bytes, boolean upper) {
        int length = precPresent && prec < bytes.length ? prec : bytes.length;
        int width = 2 * length;
        if (width == 0) {
            if (widPresent) {
                writePadding(wid);
            }
            return;
        }
        if (space) {
            width = (sharp ? width * 2 : width) + length - 1;
        } else if (sharp) {
            width += 2;
        }
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width);
        }
        String prefix = upper ? "0X" : "0x";
        if (sharp) {
            buf.append(prefix);
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append(prefix);
                }
            }
            String hex = GoStrconv.hex(bytes[i] & 0xff, 2);
            buf.append(upper ? hex.toUpperCase(Locale.ROOT) : hex);
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width);
        }
    }
}
