package io.vigil.rule.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Go template language itself, with behaviour and messages taken from Go's text/template tests and docs. */
class GoTemplateTest {

    private static final Map<String, Object> DATA = Map.of(
            "name", "web", "count", 3L, "ratio", 0.25, "empty", "", "on", true,
            "labels", Map.of("job", "node", "instance", "a:9100", "zone", "b"),
            "list", List.of("x", "y", "z"));

    private static String run(String text) {
        try {
            return GoTemplate.parse("t", text).execute(DATA, "");
        } catch (TemplateException e) {
            return "ERROR " + e.getMessage();
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // Text, comments and trim markers.
                Arguments.of("hello", "hello"),
                Arguments.of("a{{/* comment */}}b", "ab"),
                Arguments.of("a {{- /* comment */ -}} b", "ab"),
                Arguments.of("{{23 -}} < {{- 45}}", "23<45"),
                Arguments.of("a \n\t {{- .name }} \n b", "aweb \n b"),
                Arguments.of("a {{ .name -}} \n\n b", "a webb"),
                Arguments.of("{{- .name -}}", "web"),
                Arguments.of("{{-3}}", "-3"),
                // Fields, variables and assignment.
                Arguments.of("{{ .name }}/{{ .labels.job }}/{{ .labels.missing }}/{{ .nothing }}", "web/node//<no value>"),
                Arguments.of("{{ $x := .labels }}{{ $x.instance }}", "a:9100"),
                Arguments.of("{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "2"),
                Arguments.of("{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}", "21"),
                Arguments.of("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}", "2"),
                Arguments.of("{{ $.name }}", "web"),
                Arguments.of("{{ .labels }}", "map[instance:a:9100 job:node zone:b]"),
                // Literals.
                Arguments.of("{{ 0x10 }} {{ 1e3 }} {{ 1.0 }} {{ -5 }} {{ 'a' }} {{ 1_000 }} {{ 0o17 }} {{ .5 }}",
                        "16 1000 1 -5 97 1000 15 0.5"),
                Arguments.of("{{ \"a\\tb\" }}|{{ `raw\\n` }}", "a\tb|raw\\n"),
                Arguments.of("{{ true }} {{ false }}", "true false"),
                // Control structures.
                Arguments.of("{{ if .on }}yes{{ else }}no{{ end }}", "yes"),
                Arguments.of("{{ if .empty }}a{{ else if eq .name \"db\" \"web\" }}b{{ else }}c{{ end }}", "b"),
                Arguments.of("{{ if and .on (gt .count 2) }}big{{ end }}", "big"),
                Arguments.of("{{ if not .empty }}set{{ end }}", "set"),
                Arguments.of("{{ with .labels.job }}[{{ . }}]{{ end }}", "[node]"),
                Arguments.of("{{ with .empty }}x{{ else }}none{{ end }}", "none"),
                Arguments.of("{{ with .empty }}x{{ else with .name }}{{ . }}{{ end }}", "web"),
                Arguments.of("{{ range .list }}{{ . }},{{ end }}", "x,y,z,"),
                Arguments.of("{{ range $i, $v := .list }}{{ $i }}={{ $v }} {{ end }}", "0=x 1=y 2=z "),
                Arguments.of("{{ range $k, $v := .labels }}{{ $k }}:{{ $v }};{{ end }}", "instance:a:9100;job:node;zone:b;"),
                Arguments.of("{{ range .nothing }}x{{ else }}empty{{ end }}", "empty"),
                Arguments.of("{{ range .list }}{{ if eq . \"y\" }}{{ continue }}{{ end }}{{ . }}{{ end }}", "xz"),
                Arguments.of("{{ range .list }}{{ if eq . \"y\" }}{{ break }}{{ end }}{{ . }}{{ end }}", "x"),
                Arguments.of("{{ define \"T\" }}<{{ . }}>{{ end }}{{ template \"T\" .name }}{{ block \"B\" .count }}"
                        + "{{ . }}{{ end }}", "<web>3"),
                // Functions and pipelines.
                Arguments.of("{{ \"put\" | printf \"%s%s\" \"out\" | printf \"%q\" }}", "\"output\""),
                Arguments.of("{{ printf \"%s-%d\" (print \"a\" \"b\") (len .list) }}", "ab-3"),
                Arguments.of("{{ print 1 2 \"x\" 3 }}|{{ println \"a\" 1 }}", "1 2x3|a 1\n"),
                Arguments.of("{{ and 1 0 2 }} {{ and 1 2 }} {{ or 0 \"\" \"x\" }} {{ or 0 \"\" }}", "0 2 x "),
                Arguments.of("{{ len \"héllo\" }} {{ len .labels }} {{ index .labels \"job\" }} {{ index .list 1 }}",
                        "6 3 node y"),
                Arguments.of("{{ index .labels \"nope\" }}|{{ slice \"abcdef\" 1 3 }}|{{ slice .list 1 }}", "|bc|[y z]"),
                Arguments.of("{{ eq 1 1 }} {{ ne \"a\" \"b\" }} {{ lt 1.5 2.5 }} {{ le 2 2 }} {{ ge \"b\" \"a\" }}",
                        "true true true true true"),
                Arguments.of("{{ eq .ratio 0.25 }} {{ eq .nothing .nothing }} {{ eq .nothing \"x\" }}",
                        "true true false"),
                Arguments.of("{{ html \"<a href='x'>&</a>\" }}", "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"),
                Arguments.of("{{ js \"it's <b>\" }}", "it\\'s \\u003Cb\\u003E"),
                Arguments.of("{{ urlquery \"a b&c/d\" }}", "a+b%26c%2Fd"),
                Arguments.of("{{ (args 1 \"2\").arg1 }} {{ (args 1).arg5 }}", "2 <no value>"),
                Arguments.of("{{ reReplaceAll \"(?P<host>[^:]+):(\\\\d+)\" \"$host/${2}x$2x\" .labels.instance }}",
                        "a/9100x"),
                Arguments.of("{{ reReplaceAll \"a*\" \"-\" \"baaac\" }}", "-b-c-"),
                Arguments.of("{{ match \"^a+$\" \"aa\\n\" }} {{ match \"(?m)^a+$\" \"aa\\n\" }}", "false true"),
                Arguments.of("{{ reReplaceAll \"[[:digit:]]+\" \"#\" \"a1b22\" }} {{ match \"^[[:^alpha:]]+$\" \"12\" }} "
                        + "{{ match \"a{\" \"a{\" }} {{ match \"[]a]\" \"]\" }}", "a#b# true true true"),
                Arguments.of("{{ title \"hello wORLD don't stop.go\" }}", "Hello WORLD Don't Stop.go"),
                Arguments.of("{{ toUpper \"straße\" }}", "STRAßE"),
                Arguments.of("{{ with $x := .labels.zone }}{{ $x }}{{ . }}{{ end }}", "bb"),
                Arguments.of("{{ printf \"%v-%v\" .name }}", "web-%!v(MISSING)"),
                Arguments.of("{{ printf \"%s\" .ratio }} {{ printf \"%d\" .ratio }} {{ printf \"%5.1f|\" .ratio }}",
                        "%!s(float64=0.25) %!d(float64=0.25)   0.2|"),
                Arguments.of("{{ \"\\u00e9\\x41\\101\" }}", "éAA"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void executes(String text, String expected) {
        assertThat(run(text)).isEqualTo(expected);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("{{ humanise 1 }}", "template: t:1: function \"humanise\" not defined"),
                Arguments.of("{{ $nope }}", "template: t:1: undefined variable \"$nope\""),
                Arguments.of("{{ if true }}x", "template: t:1: unexpected EOF"),
                Arguments.of("x{{ end }}", "template: t:1: unexpected {{end}}"),
                Arguments.of("{{ if }}{{ end }}", "template: t:1: missing value for if"),
                Arguments.of("{{ }}", "template: t:1: missing value for command"),
                Arguments.of("{{ .a | \"b\" }}", "template: t:1: non executable command in pipeline stage 2"),
                Arguments.of("{{ \"x\".y }}", "template: t:1: unexpected . after term \"\\\"x\\\"\""),
                Arguments.of("{{ break }}", "template: t:1: {{break}} outside {{range}}"),
                Arguments.of("{{ (1 }}", "template: t:1: unclosed left paren"),
                Arguments.of("{{ 1) }}", "template: t:1: unexpected right paren"),
                Arguments.of("{{ \"abc }}", "template: t:1: unterminated quoted string"),
                Arguments.of("{{ 3x }}", "template: t:1: bad number syntax: \"3x\""),
                Arguments.of("{{ 99999999999999999999 }}", "template: t:1: integer overflow: \"99999999999999999999\""),
                Arguments.of("{{ a-b }}", "template: t:1: bad character U+002D '-'"),
                Arguments.of("{{/* x }}", "template: t:1: unclosed comment"),
                Arguments.of("a\n{{ .name\n| printf \"%s\" x }}",
                        "template: t:3: function \"x\" not defined"),
                Arguments.of("{{ .name \n", "template: t:2: unclosed action started at t:1"),
                Arguments.of("{{ if true }}{{ else }}{{ else }}{{ end }}", "template: t:1: expected end; found {{else}}"),
                Arguments.of("{{ range $i, $e := .list }}{{ end }}{{ $i }}", "template: t:1: undefined variable \"$i\""),
                Arguments.of("{{ $a, $b := 1 }}", "template: t:1: too many declarations in command"),
                Arguments.of("{{ define \"a\" }}1{{ end }}{{ define \"a\" }}2{{ end }}",
                        "template: t:1: template: multiple definition of template \"a\""),
                // Execution errors name the node and its position.
                Arguments.of("{{ .labels.job.x }}", "template: t:1:10: executing \"t\" at <.labels.job.x>: "
                        + "can't evaluate field x in type string"),
                Arguments.of("{{ gt .ratio 1 }}", "template: t:1:3: executing \"t\" at <gt .ratio 1>: "
                        + "error calling gt: incompatible types for comparison: float64 and int"),
                Arguments.of("{{ lt .labels 1 }}", "template: t:1:3: executing \"t\" at <lt .labels 1>: "
                        + "error calling lt: invalid type for comparison"),
                Arguments.of("{{ humanize 1 2 }}", "template: t:1:3: executing \"t\" at <humanize>: "
                        + "wrong number of args for humanize: want 1 got 2"),
                Arguments.of("{{ printf }}", "template: t:1:3: executing \"t\" at <printf>: "
                        + "wrong number of args for printf: want at least 1 got 0"),
                Arguments.of("{{ toUpper 3 }}", "template: t:1:11: executing \"t\" at <3>: expected string; found 3"),
                Arguments.of("{{ toUpper .count }}", "template: t:1:11: executing \"t\" at <.count>: "
                        + "wrong type for value; expected string; got int"),
                Arguments.of("{{ toUpper .nothing }}", "template: t:1:11: executing \"t\" at <.nothing>: "
                        + "wrong type for value; expected string; got interface {}"),
                Arguments.of("{{ $n := .nothing }}{{ toUpper $n }}", "template: t:1:31: executing \"t\" at <$n>: "
                        + "invalid value; expected string"),
                Arguments.of("{{ .name 1 }}", "template: t:1:3: executing \"t\" at <.name>: "
                        + "name is not a method but has arguments"),
                Arguments.of("{{ $x := 1 }}{{ $x 2 }}", "template: t:1:16: executing \"t\" at <$x>: "
                        + "can't give argument to non-function $x"),
                Arguments.of("{{ range .count }}{{ end }}", "template: t:1:9: executing \"t\" at <.count>: "
                        + "range can't iterate over 3"),
                Arguments.of("{{ nil }}", "template: t:1:3: executing \"t\" at <nil>: nil is not a command"),
                Arguments.of("{{ 18446744073709551615 }}", "template: t:1:3: executing \"t\" at "
                        + "<18446744073709551615>: 18446744073709551615 overflows int"),
                Arguments.of("{{ template \"nope\" }}", "template: t:1:12: executing \"t\" at <{{template \"nope\"}}>: "
                        + "template \"nope\" not defined"),
                Arguments.of("{{ index .list 5 }}", "template: t:1:3: executing \"t\" at <index .list 5>: "
                        + "error calling index: index out of range: 5"),
                Arguments.of("{{ reReplaceAll \"(a\" \"\" \"\" }}", "template: t:1:3: executing \"t\" at "
                        + "<reReplaceAll \"(a\" \"\" \"\">: error calling reReplaceAll: regexp: Compile(`(a`): "
                        + "error parsing regexp: missing closing ): `(a`"),
                Arguments.of("x\n  {{ .labels.job.x }}", "template: t:2:12: executing \"t\" at <.labels.job.x>: "
                        + "can't evaluate field x in type string"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void reportsGoErrors(String text, String expected) {
        assertThat(run(text)).isEqualTo("ERROR " + expected);
    }

    @Test
    void parseErrorsAreKeptUntilExecution() {
        GoTemplate template = GoTemplate.parse("t", "{{ nope }}");
        assertThat(template.parseError()).contains("template: t:1: function \"nope\" not defined");
        assertThatThrownBy(() -> template.execute(null, ""))
                .isInstanceOfSatisfying(TemplateException.class,
                        e -> assertThat(e.phase()).isEqualTo(TemplateException.Phase.PARSE));
        assertThat(GoTemplate.parse("t", "{{ . }}").parseError()).isEmpty();
    }

    @Test
    void plainJavaDataIsConverted() {
        GoTemplate template = GoTemplate.parse("t", "{{ .i }} {{ .f }} {{ index .l 0 }} {{ .m.k }} {{ .b }}");
        Map<String, Object> data = Map.of("i", 7, "f", 2.5f, "l", List.of(1, 2), "m", Map.of("k", "v"), "b", false);
        assertThat(template.execute(data, "")).isEqualTo("7 2.5 1 v false");
    }

    @Test
    void columnsCountBytesLikeGo() {
        assertThat(run("é{{ .labels.job.x }}")).startsWith("ERROR template: t:1:12: ");
    }
}
