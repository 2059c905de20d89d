package io.vigil.rule.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases from Go's strconv/ftoa_test.go, plus what {@code {{ $value }}} prints. */
class GoFloatFormatTest {

    private static final double BELOW_1E23 = 99999999999999974834176.0;
    private static final double ABOVE_1E23 = 100000000000000008388608.0;

    static Stream<Arguments> ftoa() {
        return Stream.of(
                Arguments.of(1.0, 'e', 5, "1.00000e+00"),
                Arguments.of(1.0, 'f', 5, "1.00000"),
                Arguments.of(1.0, 'g', 5, "1"),
                Arguments.of(1.0, 'g', -1, "1"),
                Arguments.of(1.0, 'x', -1, "0x1p+00"),
                Arguments.of(1.0, 'x', 5, "0x1.00000p+00"),
                Arguments.of(20.0, 'g', -1, "20"),
                Arguments.of(20.0, 'x', -1, "0x1.4p+04"),
                Arguments.of(1234567.8, 'g', -1, "1.2345678e+06"),
                Arguments.of(1234567.8, 'x', -1, "0x1.2d687cccccccdp+20"),
                Arguments.of(200000.0, 'g', -1, "200000"),
                Arguments.of(200000.0, 'x', -1, "0x1.86ap+17"),
                Arguments.of(200000.0, 'X', -1, "0X1.86AP+17"),
                Arguments.of(2000000.0, 'g', -1, "2e+06"),
                Arguments.of(400.0, 'g', 2, "4e+02"),
                Arguments.of(40.0, 'g', 2, "40"),
                Arguments.of(4.0, 'g', 2, "4"),
                Arguments.of(.4, 'g', 2, "0.4"),
                Arguments.of(.04, 'g', 2, "0.04"),
                Arguments.of(.004, 'g', 2, "0.004"),
                Arguments.of(.0004, 'g', 2, "0.0004"),
                Arguments.of(.00004, 'g', 2, "4e-05"),
                Arguments.of(.000004, 'g', 2, "4e-06"),
                Arguments.of(0.0, 'e', 5, "0.00000e+00"),
                Arguments.of(0.0, 'f', 5, "0.00000"),
                Arguments.of(0.0, 'g', 5, "0"),
                Arguments.of(0.0, 'g', -1, "0"),
                Arguments.of(0.0, 'x', 5, "0x0.00000p+00"),
                Arguments.of(-1.0, 'e', 5, "-1.00000e+00"),
                Arguments.of(-1.0, 'f', 5, "-1.00000"),
                Arguments.of(-1.0, 'g', 5, "-1"),
                Arguments.of(-1.0, 'g', -1, "-1"),
                Arguments.of(12.0, 'e', 5, "1.20000e+01"),
                Arguments.of(12.0, 'f', 5, "12.00000"),
                Arguments.of(12.0, 'g', 5, "12"),
                Arguments.of(12.0, 'g', -1, "12"),
                Arguments.of(123456700.0, 'e', 5, "1.23457e+08"),
                Arguments.of(123456700.0, 'f', 5, "123456700.00000"),
                Arguments.of(123456700.0, 'g', 5, "1.2346e+08"),
                Arguments.of(123456700.0, 'g', -1, "1.234567e+08"),
                Arguments.of(1.2345e6, 'e', 5, "1.23450e+06"),
                Arguments.of(1.2345e6, 'f', 5, "1234500.00000"),
                Arguments.of(1.2345e6, 'g', 5, "1.2345e+06"),
                Arguments.of(1e23, 'e', 17, "9.99999999999999916e+22"),
                Arguments.of(1e23, 'f', 17, "99999999999999991611392.00000000000000000"),
                Arguments.of(1e23, 'g', 17, "9.9999999999999992e+22"),
                Arguments.of(1e23, 'e', -1, "1e+23"),
                Arguments.of(1e23, 'f', -1, "100000000000000000000000"),
                Arguments.of(1e23, 'g', -1, "1e+23"),
                Arguments.of(BELOW_1E23, 'e', 17, "9.99999999999999748e+22"),
                Arguments.of(BELOW_1E23, 'f', 17, "99999999999999974834176.00000000000000000"),
                Arguments.of(BELOW_1E23, 'g', 17, "9.9999999999999975e+22"),
                Arguments.of(BELOW_1E23, 'e', -1, "9.999999999999997e+22"),
                Arguments.of(BELOW_1E23, 'f', -1, "99999999999999970000000"),
                Arguments.of(BELOW_1E23, 'g', -1, "9.999999999999997e+22"),
                Arguments.of(ABOVE_1E23, 'e', 17, "1.00000000000000008e+23"),
                Arguments.of(ABOVE_1E23, 'f', 17, "100000000000000008388608.00000000000000000"),
                Arguments.of(ABOVE_1E23, 'g', 17, "1.0000000000000001e+23"),
                Arguments.of(ABOVE_1E23, 'e', -1, "1.0000000000000001e+23"),
                Arguments.of(ABOVE_1E23, 'f', -1, "100000000000000010000000"),
                Arguments.of(ABOVE_1E23, 'g', -1, "1.0000000000000001e+23"),
                Arguments.of(5e-304 / 1e20, 'g', -1, "5e-324"),
                Arguments.of(-5e-304 / 1e20, 'g', -1, "-5e-324"),
                Arguments.of(32.0, 'g', -1, "32"),
                Arguments.of(32.0, 'g', 0, "3e+01"),
                Arguments.of(100.0, 'x', -1, "0x1.9p+06"),
                Arguments.of(100.0, 'y', -1, "%y"),
                Arguments.of(Double.NaN, 'g', -1, "NaN"),
                Arguments.of(Double.POSITIVE_INFINITY, 'g', -1, "+Inf"),
                Arguments.of(Double.NEGATIVE_INFINITY, 'g', -1, "-Inf"),
                Arguments.of(-1.0, 'b', -1, "-4503599627370496p-52"),
                Arguments.of(0.9, 'f', 1, "0.9"),
                Arguments.of(0.09, 'f', 1, "0.1"),
                Arguments.of(0.0999, 'f', 1, "0.1"),
                Arguments.of(0.05, 'f', 1, "0.1"),
                Arguments.of(0.05, 'f', 0, "0"),
                Arguments.of(0.5, 'f', 1, "0.5"),
                Arguments.of(0.5, 'f', 0, "0"),
                Arguments.of(1.5, 'f', 0, "2"),
                Arguments.of(2.2250738585072012e-308, 'g', -1, "2.2250738585072014e-308"),
                Arguments.of(2.2250738585072011e-308, 'g', -1, "2.225073858507201e-308"),
                Arguments.of(383260575764816448.0, 'f', 0, "383260575764816448"),
                Arguments.of(383260575764816448.0, 'g', -1, "3.8326057576481645e+17"),
                Arguments.of(498484681984085570.0, 'f', -1, "498484681984085570"),
                Arguments.of(-5.8339553793802237e+23, 'g', -1, "-5.8339553793802237e+23"),
                Arguments.of(2.275555555555555, 'x', -1, "0x1.23456789abcdep+01"),
                Arguments.of(2.275555555555555, 'x', 0, "0x1p+01"),
                Arguments.of(2.275555555555555, 'x', 2, "0x1.23p+01"),
                Arguments.of(2.275555555555555, 'x', 16, "0x1.23456789abcde000p+01"),
                Arguments.of(2.2755555510520935, 'x', -1, "0x1.2345678p+01"),
                Arguments.of(2.2755555510520935, 'x', 6, "0x1.234568p+01"),
                Arguments.of(3.999969482421875, 'x', 3, "0x1.000p+02"),
                Arguments.of(3.999969482421875, 'x', 0, "0x1p+02"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("ftoa")
    void formatsLikeStrconv(double v, char fmt, int prec, String expected) {
        assertThat(GoFloatFormat.format(v, fmt, prec)).isEqualTo(expected);
    }

    static Stream<Arguments> shortest() {
        return Stream.of(
                Arguments.of(0.5, "0.5"),
                Arguments.of(1000000.0, "1e+06"),
                Arguments.of(123456.0, "123456"),
                Arguments.of(1234567.0, "1.234567e+06"),
                Arguments.of(0.0001, "0.0001"),
                Arguments.of(0.00001, "1e-05"),
                Arguments.of(1e21, "1e+21"),
                Arguments.of(1e20, "1e+20"),
                Arguments.of(0.1 + 0.2, "0.30000000000000004"),
                Arguments.of(100.0, "100"),
                Arguments.of(-0.0, "-0"),
                Arguments.of(Double.MAX_VALUE, "1.7976931348623157e+308"),
                Arguments.of(Double.MIN_VALUE, "5e-324"),
                Arguments.of(2e-323, "2e-323"),
                Arguments.of(9.223372036854776e18, "9.223372036854776e+18"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("shortest")
    void shortestIsWhatGoPrintsForPercentV(double v, String expected) {
        assertThat(GoFloatFormat.shortest(v)).isEqualTo(expected);
    }

    @Test
    void shortestRoundTripsAndNeverHasMoreDigitsThanJava() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                continue;
            }
            String go = GoFloatFormat.format(v, 'e', -1);
            assertThat(Double.parseDouble(go)).as(go).isEqualTo(v);
            String mantissa = go.substring(0, go.indexOf('e')).replace("-", "").replace(".", "");
            String java = new java.math.BigDecimal(Double.toString(Math.abs(v))).stripTrailingZeros()
                    .unscaledValue().toString();
            assertThat(mantissa.length()).as(go).isLessThanOrEqualTo(java.length());
        }
    }
}
