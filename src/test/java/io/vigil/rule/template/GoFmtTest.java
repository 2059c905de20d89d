package io.vigil.rule.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cases from Go's fmt/fmt_test.go for the verbs alert templates use. */
class GoFmtTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    static Stream<Arguments> printf() {
        return Stream.of(
                // Floats.
                Arguments.of("%.2f", 1.0, "1.00"),
                Arguments.of("%.2f", 0.125, "0.12"),
                Arguments.of("%.2f", 0.375, "0.38"),
                Arguments.of("%f", 1234.5678e3, "1234567.800000"),
                Arguments.of("%e", 1.0, "1.000000e+00"),
                Arguments.of("%e", 1234.5678e3, "1.234568e+06"),
                Arguments.of("%E", 1.0, "1.000000E+00"),
                Arguments.of("%g", 1234.5678e-8, "1.2345678e-05"),
                Arguments.of("%g", -7.0, "-7"),
                Arguments.of("%g", -1e-9, "-1e-09"),
                Arguments.of("%G", 1234.5678e-8, "1.2345678E-05"),
                Arguments.of("%g", 1e6, "1e+06"),
                Arguments.of("%g", 100000.0, "100000"),
                Arguments.of("%.4g", 1.0, "1"),
                Arguments.of("%.4g", 1234567.0, "1.235e+06"),
                Arguments.of("%.4g", 0.1234567, "0.1235"),
                Arguments.of("%.3g", 12.345, "12.3"),
                Arguments.of("%6.3f", 12.345, "12.345"),
                Arguments.of("%20e", 1.2345e3, "        1.234500e+03"),
                Arguments.of("%-20f", 1.23456789e3, "1234.567890         "),
                Arguments.of("%20.8f", 1.23456789e3, "       1234.56789000"),
                Arguments.of("%+.3e", 0.0, "+0.000e+00"),
                Arguments.of("%+.3e", 1.0, "+1.000e+00"),
                Arguments.of("%+.3f", -1.0, "-1.000"),
                Arguments.of("%+07.2f", 1.0, "+001.00"),
                Arguments.of("%+07.2f", -1.0, "-001.00"),
                Arguments.of("%-07.2f", -1.0, "-1.00  "),
                Arguments.of("%08.3f", -1.0, "-001.000"),
                Arguments.of("% .3E", -1.0, "-1.000E+00"),
                Arguments.of("% .3e", 1.0, " 1.000e+00"),
                Arguments.of("%+.3g", 1.0, "+1"),
                Arguments.of("%v", 1e21, "1e+21"),
                Arguments.of("%v", 0.5, "0.5"),
                Arguments.of("%8.3f", INF, "    +Inf"),
                Arguments.of("%f", -INF, "-Inf"),
                Arguments.of("%08f", Double.NaN, "     NaN"),
                Arguments.of("%+f", Double.NaN, "+NaN"),
                Arguments.of("% f", Double.NaN, " NaN"),
                Arguments.of("%f", Double.NaN, "NaN"),
                Arguments.of("%x", 1.0, "0x1p+00"),
                // Integers.
                Arguments.of("%d", 12345L, "12345"),
                Arguments.of("%v", -12345L, "-12345"),
                Arguments.of("%5d", 12L, "   12"),
                Arguments.of("%-5d", 12L, "12   "),
                Arguments.of("%05d", -12L, "-0012"),
                Arguments.of("%+d", 12L, "+12"),
                Arguments.of("% d", 12L, " 12"),
                Arguments.of("%.3d", 7L, "007"),
                Arguments.of("%6.3d", 7L, "   007"),
                Arguments.of("%.0d", 0L, ""),
                Arguments.of("%x", 255L, "ff"),
                Arguments.of("%X", 255L, "FF"),
                Arguments.of("%#x", 255L, "0xff"),
                Arguments.of("%x", -1L, "-1"),
                Arguments.of("%o", 8L, "10"),
                Arguments.of("%#o", 8L, "010"),
                Arguments.of("%b", 5L, "101"),
                Arguments.of("%c", 65L, "A"),
                Arguments.of("%q", 120L, "'x'"),
                Arguments.of("%U", 0x1234L, "U+1234"),
                Arguments.of("%#U", 120L, "U+0078 'x'"),
                Arguments.of("%d", Long.MIN_VALUE, "-9223372036854775808"),
                // Strings and booleans.
                Arguments.of("%s", "abc", "abc"),
                Arguments.of("%q", "abc", "\"abc\""),
                Arguments.of("%q", "\n\"x\"", "\"\\n\\\"x\\\"\""),
                Arguments.of("%#q", "abc", "`abc`"),
                Arguments.of("%+q", "日本語", "\"\\u65e5\\u672c\\u8a9e\""),
                Arguments.of("%x", "xyz", "78797a"),
                Arguments.of("%X", "xyz", "78797A"),
                Arguments.of("% x", "xyz", "78 79 7a"),
                Arguments.of("%5s", "abc", "  abc"),
                Arguments.of("%-5s", "abc", "abc  "),
                Arguments.of("%.2s", "abc", "ab"),
                Arguments.of("%.1s", "日本語", "日"),
                Arguments.of("%t", true, "true"),
                Arguments.of("%5t", true, " true"),
                Arguments.of("%v", false, "false"),
                Arguments.of("%T", 1.5, "float64"),
                Arguments.of("%T", 1L, "int"),
                // Mistakes are reported in the output, not raised.
                Arguments.of("%d", "hi", "%!d(string=hi)"),
                Arguments.of("%d", 1.5, "%!d(float64=1.5)"),
                Arguments.of("%f", 3L, "%!f(int=3)"),
                Arguments.of("%s", true, "%!s(bool=true)"),
                Arguments.of("%z", "hi", "%!z(string=hi)"),
                Arguments.of("%d", null, "%!d(<nil>)"),
                Arguments.of("%v", null, "<nil>"),
                Arguments.of("%s %d", "hi", "hi %!d(MISSING)"),
                Arguments.of("100%%", "x", "100%%!(EXTRA string=x)"),
                Arguments.of("hi%", "x", "hi%!(NOVERB)%!(EXTRA string=x)"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("printf")
    void sprintf(String format, Object arg, String expected) {
        assertThat(GoFmt.sprintf(format, Arrays.asList(arg))).isEqualTo(expected);
    }

    @Test
    void sprintfWithSeveralArgumentsAndStarWidths() {
        assertThat(GoFmt.sprintf("%*d|%-*d|%.*f", List.of(5L, 1L, 3L, 2L, 2L, 3.14159)))
                .isEqualTo("    1|2  |3.14");
        assertThat(GoFmt.sprintf("%d %s", List.of(1L, "a", "b", 2.5))).isEqualTo("1 a%!(EXTRA string=b, float64=2.5)");
        assertThat(GoFmt.sprintf("%*d", List.of("x", 1L))).isEqualTo("%!(BADWIDTH)1");
    }

    @Test
    void sprintSpacesOnlyBetweenNonStrings() {
        assertThat(GoFmt.sprint(List.of("a", "b"))).isEqualTo("ab");
        assertThat(GoFmt.sprint(List.of(1L, 2L))).isEqualTo("1 2");
        assertThat(GoFmt.sprint(List.of("a", 1L, 2.5, "b"))).isEqualTo("a1 2.5b");
        assertThat(GoFmt.sprintln(List.of("a", "b", 1L))).isEqualTo("a b 1\n");
        assertThat(GoFmt.sprint(Arrays.asList(null, null))).isEqualTo("<nil> <nil>");
    }

    @Test
    void compositesPrintAsGoDoes() {
        Object labels = GoValues.fromJava(Map.of("job", "node", "instance", "a:9100"));
        assertThat(GoFmt.print(labels)).isEqualTo("map[instance:a:9100 job:node]");
        assertThat(GoFmt.sprintf("%d", List.of(labels)))
                .isEqualTo("map[%!d(string=instance):%!d(string=a:9100) %!d(string=job):%!d(string=node)]");
        assertThat(GoFmt.print(GoValues.fromJava(List.of(1L, "x", 2.5)))).isEqualTo("[1 x 2.5]");
        assertThat(GoFmt.print(GoValues.struct("struct { A int }", "A", 1L, "B", "x"))).isEqualTo("{1 x}");
        assertThat(GoFmt.sprintf("%+v", List.of(GoValues.struct("s", "A", 1L, "B", "x")))).isEqualTo("{A:1 B:x}");
    }
}
