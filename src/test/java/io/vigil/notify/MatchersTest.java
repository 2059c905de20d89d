package io.vigil.notify;

import static io.vigil.notify.MatchType.EQUAL;
import static io.vigil.notify.MatchType.NOT_EQUAL;
import static io.vigil.notify.MatchType.NOT_REGEX;
import static io.vigil.notify.MatchType.REGEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Alertmanager's matcher syntax, with cases from its pkg/labels/parse_test.go. */
class MatchersTest {

    static Stream<Arguments> valid() {
        return Stream.of(
                arguments("foo=\"bar\"", List.of(m("foo", EQUAL, "bar"))),
                arguments("foo=bar", List.of(m("foo", EQUAL, "bar"))),
                arguments("foo!=\"bar\"", List.of(m("foo", NOT_EQUAL, "bar"))),
                arguments("foo=~\"a|b\"", List.of(m("foo", REGEX, "a|b"))),
                arguments("foo!~bar.*", List.of(m("foo", NOT_REGEX, "bar.*"))),
                arguments("{a=\"1\", b!=\"2\"}", List.of(m("a", EQUAL, "1"), m("b", NOT_EQUAL, "2"))),
                arguments("a=1,b=2", List.of(m("a", EQUAL, "1"), m("b", EQUAL, "2"))),
                arguments("{foo = \"bar\", dings != \"bums\", }", List.of(m("foo", EQUAL, "bar"),
                        m("dings", NOT_EQUAL, "bums"))),
                arguments("{foo=\"bar,quux\", job=\"job1\"}", List.of(m("foo", EQUAL, "bar,quux"),
                        m("job", EQUAL, "job1"))),
                arguments("quote=\"She said: \\\"Hi, all\\\"\"", List.of(m("quote", EQUAL, "She said: \"Hi, all\""))),
                arguments("path=\"C:\\\\temp\"", List.of(m("path", EQUAL, "C:\\temp"))),
                arguments("text=\"two\\nlines\"", List.of(m("text", EQUAL, "two\nlines"))),
                arguments("odd=\"a\\qb\"", List.of(m("odd", EQUAL, "a\\qb"))),
                arguments("foo=\"\"", List.of(m("foo", EQUAL, ""))),
                arguments("job=", List.of(m("job", EQUAL, ""))),
                arguments("tricky=~~~", List.of(m("tricky", REGEX, "~~"))),
                arguments("trickier==\\\\=\\=\\\"", List.of(m("trickier", EQUAL, "=\\=\\=\""))),
                arguments("a:b=\"c\"", List.of(m("a:b", EQUAL, "c"))),
                arguments("  severity = critical  ", List.of(m("severity", EQUAL, "critical"))),
                arguments("{}", List.of()),
                arguments("", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parses(String text, List<Matcher> expected) {
        assertThat(Matchers.parse(text)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> invalid() {
        String format = "\": expected a label name, one of =, !=, =~, !~ and a value, e.g. severity=\"critical\"";
        return Stream.of(
                arguments("severity", "bad matcher \"severity" + format),
                arguments("{service-name=\"web\"}", "bad matcher \"service-name=\"web\"" + format),
                arguments("\"foo=\\\"bar\\\"\"", "bad matcher \"\"foo=\\\"bar\\\"\"" + format),
                arguments("job=\"value", "bad matcher \"job=\"value\": the value's closing quote is missing"),
                arguments("job=value\"", "bad matcher \"job=value\"\": unescaped double quote in the value"
                        + " (write \\\" for a quote inside a quoted value)"),
                arguments("job=\"a\"b\"", "bad matcher \"job=\"a\"b\"\": unescaped double quote in the value"
                        + " (write \\\" for a quote inside a quoted value)"),
                arguments("a=1,,b=2", "bad matcher list \"a=1,,b=2\": empty matcher between commas"),
                arguments("team=~\"(db\"", "bad matcher \"team=~\"(db\"\": invalid regular expression \"(db\":"
                        + " Unclosed group"),
                arguments("team!~\"[a\"", "bad matcher \"team!~\"[a\"\": invalid regular expression \"[a\":"
                        + " Unclosed character class"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsNamingTheBadMatcher(String text, String message) {
        assertThatThrownBy(() -> Matchers.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void whatAMatcherPrintsParsesBackToIt() {
        Matcher original = m("msg", NOT_REGEX, "say \"hi\"\\n|\nx");

        assertThat(Matchers.parseOne(original.toString())).isEqualTo(original);
    }

    @Test
    void regexesAreAnchoredAndAMissingLabelIsEmpty() {
        Matcher matcher = Matchers.parseOne("service=~\"web|api\"");

        assertThat(matcher.matchesValue("web")).isTrue();
        assertThat(matcher.matchesValue("webshop")).isFalse();
        assertThat(Matchers.parseOne("team!=\"\"").matchesValue("")).isFalse();
    }

    private static Matcher m(String name, MatchType type, String value) {
        return new Matcher(name, type, value);
    }
}
