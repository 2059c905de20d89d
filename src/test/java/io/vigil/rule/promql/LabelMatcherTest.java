package io.vigil.rule.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelMatcherTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "EQ  ; api       ; api       ; true", "EQ  ; api       ; web       ; false", "EQ  ; ''        ; ''        ; true",
        "NEQ ; api       ; web       ; true", "NEQ ; api       ; api       ; false", "NEQ ; api       ; ''        ; true",
        "RE  ; api|web   ; web       ; true", "RE  ; api|web   ; apiweb    ; false", "RE  ; ap        ; api       ; false",
        "RE  ; .*        ; ''        ; true", "RE  ; .+        ; ''        ; false", "RE  ; a.c       ; 'a\nc'    ; true",
        "RE  ; (?i)API   ; api       ; true", "RE  ; a$        ; 'a\n'     ; false", "RE  ; (?P<x>a)b ; ab        ; true",
        "NRE ; 5..       ; 500       ; false", "NRE ; 5..       ; 200       ; true", "NRE ; .+        ; ''        ; true"
    })
    void matchesWholeValuesAsPrometheusDoes(LabelMatcher.Type type, String value, String label, boolean matches) {
        assertThat(new LabelMatcher(type, "job", value).matches(label)).isEqualTo(matches);
    }

    @Test
    void rejectsRegexesThatOnlyCompileInsideTheAnchoringGroup() {
        assertThatThrownBy(() -> new LabelMatcher(LabelMatcher.Type.RE, "a", "x)|(y"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparesByTypeNameAndValue() {
        assertThat(new LabelMatcher(LabelMatcher.Type.RE, "a", "b.*"))
                .isEqualTo(new LabelMatcher(LabelMatcher.Type.RE, "a", "b.*"))
                .hasSameHashCodeAs(new LabelMatcher(LabelMatcher.Type.RE, "a", "b.*"))
                .isNotEqualTo(new LabelMatcher(LabelMatcher.Type.NRE, "a", "b.*"));
    }

    @Test
    void printsAsPromQL() {
        assertThat(new LabelMatcher(LabelMatcher.Type.NRE, "code", "5\"..")).hasToString("code!~\"5\\\"..\"");
        assertThat(new LabelMatcher(LabelMatcher.Type.EQ, "service.name", "x")).hasToString("\"service.name\"=\"x\"");
    }
}
