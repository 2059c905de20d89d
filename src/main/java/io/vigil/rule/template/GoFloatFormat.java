package io.vigil.rule.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's {@code strconv.FormatFloat(v, fmt, prec, 64)} for the formats {@code e E f g G x X b}, character for character.
 * Prometheus users see these strings everywhere ({@code $value}, {@code humanize}, {@code printf}), and Java's own
 * formatters differ in small ways: {@code %g} keeps trailing zeros, exponents have no leading zero, infinities print
 * as "Infinity".
 *
 * <p>Precision -1 means "as few digits as round-trip", like Go. Fixed precisions round the exact binary value half to
 * even, which is what Go does too.
 */
public final class GoFloatFormat {

    private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    /** Digits without leading or trailing zeros; the value is 0.{@code d} × 10^{@code dp}. Zero has no digits. */
    private record Digits(String d, int dp) {
        int nd() {
            return d.length();
        }

        char at(int i) {
            return d.charAt(i);
        }
    }

    private GoFloatFormat() {
    }

    /** What Go's {@code %v} prints for a float64: the shortest {@code 'g'} form, e.g. 1e+06, 123456, 1e-05. */
    public static String shortest(double v) {
        return format(v, 'g', -1);
    }

    /** {@code strconv.FormatFloat(v, fmt, prec, 64)}; an unknown format gives {@code %} and the format, as Go does. */
    public static String format(double v, char fmt, int prec) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean neg = Double.doubleToRawLongBits(v) < 0;
        double abs = Math.abs(v);
        if (fmt == 'b') {
            return binaryExponent(neg, abs);
        }
        if (fmt == 'x' || fmt == 'X') {
            return hex(neg, abs, prec, fmt);
        }
        boolean shortest = prec < 0;
        Digits digs;
        if (shortest) {
            digs = shortestDigits(abs);
            prec = switch (fmt) {
                case 'e', 'E' -> Math.max(digs.nd() - 1, 0);
                case 'f' -> Math.max(digs.nd() - digs.dp(), 0);
                case 'g', 'G' -> digs.nd();
                default -> prec;
            };
        } else {
            switch (fmt) {
                case 'e', 'E' -> digs = significant(abs, prec + 1);
                case 'f' -> digs = toDigits(new BigDecimal(abs).setScale(prec, RoundingMode.HALF_EVEN));
                case 'g', 'G' -> {
                    if (prec == 0) {
                        prec = 1;
                    }
                    digs = significant(abs, prec);
                }
                default -> {
                    return "%" + fmt;
                }
            }
        }
        return switch (fmt) {
            case 'e', 'E' -> fmtE(neg, digs, prec, fmt);
            case 'f' -> fmtF(neg, digs, prec);
            case 'g', 'G' -> fmtG(neg, digs, prec, fmt, shortest);
            default -> "%" + fmt;
        };
    }

    private static String fmtG(boolean neg, Digits digs, int prec, char fmt, boolean shortest) {
        int eprec = prec;
        if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
            eprec = digs.nd();
        }
        // %e is chosen when the exponent is below -4 or reaches the precision; shortest output decides with 6.
        if (shortest) {
            eprec = 6;
        }
        int exp = digs.dp() - 1;
        if (exp < -4 || exp >= eprec) {
            if (prec > digs.nd()) {
                prec = digs.nd();
            }
            return fmtE(neg, digs, prec - 1, fmt == 'g' ? 'e' : 'E');
        }
        if (prec > digs.dp()) {
            prec = digs.nd();
        }
        return fmtF(neg, digs, Math.max(prec - digs.dp(), 0));
    }

    private static String fmtE(boolean neg, Digits digs, int prec, char e) {
        StringBuilder out = new StringBuilder(prec + 8);
        if (neg) {
            out.append('-');
        }
        out.append(digs.nd() == 0 ? '0' : digs.at(0));
        if (prec > 0) {
            out.append('.');
            for (int i = 1; i <= prec; i++) {
                out.append(i < digs.nd() ? digs.at(i) : '0');
            }
        }
        out.append(e);
        int exp = digs.nd() == 0 ? 0 : digs.dp() - 1;
        out.append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            out.append('0');
        }
        return out.append(exp).toString();
    }

    private static String fmtF(boolean neg, Digits digs, int prec) {
        StringBuilder out = new StringBuilder(Math.max(digs.dp(), 1) + prec + 2);
        if (neg) {
            out.append('-');
        }
        if (digs.dp() > 0) {
            for (int i = 0; i < digs.dp(); i++) {
                out.append(i < digs.nd() ? digs.at(i) : '0');
            }
        } else {
            out.append('0');
        }
        if (prec > 0) {
            out.append('.');
            for (int i = 0; i < prec; i++) {
                int j = digs.dp() + i;
                out.append(j >= 0 && j < digs.nd() ? digs.at(j) : '0');
            }
        }
        return out.toString();
    }

    /**
     * Shortest digits that parse back to {@code abs}. Java's {@code Double.toString} (JDK 19+) is shortest too, except
     * that where one digit would do it may pick a closer two-digit form (4.9E-324 where Go says 5e-324), so a
     * two-digit answer is checked against its one-digit neighbours.
     */
    private static Digits shortestDigits(double abs) {
        if (abs == 0) {
            return new Digits("", 0);
        }
        Digits java = toDigits(new BigDecimal(Double.toString(abs)));
        if (java.nd() != 2) {
            return java;
        }
        BigDecimal exact = new BigDecimal(abs);
        BigDecimal best = null;
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal candidate = exact.round(new MathContext(1, mode));
            if (candidate.signum() == 0 || Double.parseDouble(candidate.toString()) != abs) {
                continue;
            }
            if (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
                best = candidate;
            }
        }
        return best == null ? java : toDigits(best);
    }

    private static Digits significant(double abs, int digits) {
        return toDigits(new BigDecimal(abs).round(new MathContext(digits, RoundingMode.HALF_EVEN)));
    }

    private static Digits toDigits(BigDecimal value) {
        if (value.signum() == 0) {
            return new Digits("", 0);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        String unscaled = stripped.unscaledValue().toString();
        return new Digits(unscaled, unscaled.length() - stripped.scale());
    }

    private static String binaryExponent(boolean neg, double abs) {
        long bits = Double.doubleToRawLongBits(abs);
        int exp = (int) (bits >>> 52) & 0x7ff;
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1L << 52;
        }
        exp += -1023 - 52;
        return (neg ? "-" : "") + mant + "p" + (exp >= 0 ? "+" : "") + exp;
    }

    /** Go's %x for floats: a normalised hexadecimal mantissa 0x1.xxx and a binary exponent of at least two digits. */
    private static String hex(boolean neg, double abs, int prec, char fmt) {
        long bits = Double.doubleToRawLongBits(abs);
        int exp = (int) (bits >>> 52) & 0x7ff;
        long mant = bits & ((1L << 52) - 1);
        if (exp == 0) {
            exp++;
        } else {
            mant |= 1L << 52;
        }
        exp -= 1023;
        if (mant == 0) {
            exp = 0;
        }
        // Keep the leading 1 at bit 60 so four-bit groups fall out of the top.
        mant <<= 60 - 52;
        while (mant != 0 && (mant & (1L << 60)) == 0) {
            mant <<= 1;
            exp--;
        }
        if (prec >= 0 && prec < 15) {
            int shift = prec * 4;
            long extra = (mant << shift) & ((1L << 60) - 1);
            mant >>>= 60 - shift;
            if ((extra | (mant & 1)) > (1L << 59)) {
                mant++;
            }
            mant <<= 60 - shift;
            if ((mant & (1L << 61)) != 0) {
                mant >>>= 1;
                exp++;
            }
        }
        char[] digits = fmt == 'X' ? HEX_UPPER : HEX_LOWER;
        StringBuilder out = new StringBuilder(24);
        if (neg) {
            out.append('-');
        }
        out.append('0').append(fmt).append((char) ('0' + ((mant >>> 60) & 1)));
        mant <<= 4;
        if (prec < 0 && mant != 0) {
            out.append('.');
            while (mant != 0) {
                out.append(digits[(int) ((mant >>> 60) & 15)]);
                mant <<= 4;
            }
        } else if (prec > 0) {
            out.append('.');
            for (int i = 0; i < prec; i++) {
                out.append(digits[(int) ((mant >>> 60) & 15)]);
                mant <<= 4;
            }
        }
        out.append(fmt == 'X' ? 'P' : 'p').append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            out.append('0');
        }
        return out.append(exp).toString();
    }
}
