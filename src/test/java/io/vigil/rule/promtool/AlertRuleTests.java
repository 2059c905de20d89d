package io.vigil.rule.promtool;

import java.util.List;

import io.vigil.rule.eval.SeriesSource;

/** alert_rule_test cases: rule groups evaluated step by step up to each eval_time. */
final class AlertRuleTests {

    private AlertRuleTests() {
    }

    static List<String> run(PromtoolTestFile file, PromtoolTestFile.TestGroup group, SeriesSource source) {
        return List.of(group.name() + ": alert_rule_test is not run by Vigil's runner yet");
    }
}
