package io.vigil.rule.promql;

import java.util.Locale;

/**
 * Scans a number ({@code 1}, {@code .5}, {@code 1e-3}, {@code 0x1F}, {@code 1_000}) or a duration
 * ({@code 5m}, {@code 1h30m}) with the same acceptance rules as Prometheus's lexer, and converts
 * number text to a value as Go's strconv does.
 */
final class NumberScanner {

    private static final String DECIMAL = "0123456789";
    private static final String HEX = "0123456789abcdefABCDEF";

    private final String input;
    private final int start;
    private int pos;

    private NumberScanner(String input, int start) {
        this.input = input;
        this.start = start;
        this.pos = start;
    }

    static Token scan(String input, int start) {
        NumberScanner s = new NumberScanner(input, start);
        if (s.scanNumber()) {
            return new Token(TokenType.NUMBER, input.substring(start, s.pos), start, s.pos);
        }
        if (s.acceptRemainingDuration()) {
            return new Token(TokenType.DURATION, input.substring(start, s.pos), start, s.pos);
        }
        throw ParseException.at(input, start, s.pos,
                "bad number or duration syntax: " + Quoting.quote(input.substring(start, s.pos)));
    }

    /**
     * The value of a NUMBER token: an integer (decimal, hex, or octal with a leading zero) if it is
     * one, else a float; Inf and NaN in any case. Throws {@link IllegalArgumentException} otherwise.
     */
    static double value(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        String digits = text.replace("_", "");
        try {
            if (lower.startsWith("0x")) {
                return Long.parseLong(digits.substring(2), 16);
            }
            if (digits.length() > 1 && digits.startsWith("0") && digits.chars().allMatch(c -> c >= '0' && c <= '7')) {
                return Long.parseLong(digits.substring(1), 8);
            }
            double value = Double.parseDouble(digits);
            if (Double.isInfinite(value)) {
                throw new IllegalArgumentException("error parsing number: value out of range: " + Quoting.quote(text));
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("error parsing number: invalid syntax: " + Quoting.quote(text));
        }
    }

    // Mirrors Prometheus's scanNumber: it may stop in the middle of a duration, which the caller
    // then tries to finish with acceptRemainingDuration from where this stopped.
    private boolean scanNumber() {
        String digits = DECIMAL;
        if (accept("0") && accept("xX")) {
            accept("_");
            digits = HEX;
        }
        accept(".");
        accept(digits);
        boolean dotSeen = false;
        boolean exponentSeen = false;
        while (is(digits + "._eE")) {
            if (is(".") && dotSeen || is("eE") && exponentSeen) {
                pos++;
                return false;
            }
            if (accept(".")) {
                dotSeen = true;
                if (accept("_.") || digits == HEX) {
                    return false;
                }
                continue;
            }
            if (accept("eE")) {
                exponentSeen = true;
                accept("+-");
                if (accept("._eE") || pos >= input.length()) {
                    return false;
                }
                continue;
            }
            if (accept("_")) {
                if (accept("._eE") || pos >= input.length()) {
                    return false;
                }
                continue;
            }
            while (accept(digits)) {
                // Consume the run of digits.
            }
        }
        return pos > start && !(pos < input.length() && Lexer.isAlphaNumeric(input.charAt(pos)));
    }

    private boolean acceptRemainingDuration() {
        if (!accept("smhdwy")) {
            return false;
        }
        accept("s");
        while (accept(DECIMAL)) {
            while (accept(DECIMAL)) {
                // Consume the run of digits.
            }
            // Years must come first, so after the first unit they are no longer accepted.
            if (!accept("smhdw")) {
                return false;
            }
            accept("s");
        }
        if (pos < input.length() && Lexer.isAlphaNumeric(input.charAt(pos))) {
            pos++;
            return false;
        }
        return true;
    }

    private boolean is(String valid) {
        return pos < input.length() && valid.indexOf(input.charAt(pos)) >= 0;
    }

    private boolean accept(String valid) {
        if (is(valid)) {
            pos++;
            return true;
        }
        return false;
    }
}
