package io.vigil.rule.template;

import java.math.BigInteger;

/**
 * What a number constant in a template means, following Go's parse.newNumber and exec.idealConstant: float syntax
 * gives a float64, integer syntax an int, and an integer beyond int64 is an error when used.
 */
final class NumberLiteral {

    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private NumberLiteral() {
    }

    /**
     * The value of a NUMBER or CHAR_CONSTANT item: a Long, a Double, or {@link #OVERFLOW} for an integer that fits
     * no int but is otherwise valid.
     *
     * @throws IllegalArgumentException with Go's message when the literal is malformed or unsupported
     */
    static Object parse(String text, boolean charConstant) {
        if (charConstant) {
            String rune = GoUnquote.unquote(text);
            if (rune == null) {
                throw new IllegalArgumentException("malformed character constant: " + text);
            }
            return (long) rune.codePointAt(0);
        }
        if (text.endsWith("i")) {
            throw new IllegalArgumentException("complex constants are not supported: " + text);
        }
        BigInteger integer = parseInteger(text);
        boolean floatSyntax = !isHexInt(text) && text.chars().anyMatch(c -> ".eEpP".indexOf(c) >= 0);
        if (integer != null && !floatSyntax) {
            if (integer.bitLength() < 64) {
                return integer.longValue();
            }
            if (integer.signum() >= 0 && integer.compareTo(MAX_UINT64) <= 0) {
                return OVERFLOW;
            }
        }
        double f;
        try {
            f = GoStrconv.parseFloat(text);
        } catch (FuncException e) {
            throw new IllegalArgumentException("illegal number syntax: " + GoStrconv.quote(text));
        }
        if (!floatSyntax) {
            // Parsed as a float but written as an integer: an integer too large for any int type.
            throw new IllegalArgumentException("integer overflow: " + GoStrconv.quote(text));
        }
        return f;
    }

    /** Marks an integer constant that only fits uint64; Go fails with "N overflows int" when it is evaluated. */
    static final Object OVERFLOW = new Object() {
        @Override
        public String toString() {
            return "overflow";
        }
    };

    private static boolean isHexInt(String s) {
        return s.length() > 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')
                && s.indexOf('p') < 0 && s.indexOf('P') < 0;
    }

    /** {@code strconv.ParseInt(s, 0, 64)} without the range check; null when not integer syntax. */
    private static BigInteger parseInteger(String s) {
        int i = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        boolean negative = i == 1 && s.charAt(0) == '-';
        String body = s.substring(i);
        int base = 10;
        // 0x, 0o, 0b, or a bare leading 0 for octal; a prefix counts as a digit for underscores.
        boolean prefixed = false;
        if (body.length() >= 2 && body.charAt(0) == '0') {
            prefixed = true;
            char prefix = Character.toLowerCase(body.charAt(1));
            if (prefix == 'x' || prefix == 'o' || prefix == 'b') {
                base = prefix == 'x' ? 16 : prefix == 'o' ? 8 : 2;
                body = body.substring(2);
            } else {
                base = 8;
                body = body.substring(1);
            }
        }
        if (body.startsWith("_") && !prefixed || body.endsWith("_") || body.contains("__")) {
            return null;
        }
        String digits = body.replace("_", "");
        int radix = base;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, radix) >= 0)) {
            return null;
        }
        BigInteger value = new BigInteger(digits, base);
        return negative ? value.negate() : value;
    }
}
