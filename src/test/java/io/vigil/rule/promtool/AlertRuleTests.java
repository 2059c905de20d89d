package io.vigil.rule.promtool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.alert.Alert;
import io.vigil.alert.AlertState;
import io.vigil.rule.AlertingRule;
import io.vigil.rule.RecordedSeries;
import io.vigil.rule.Rule;
import io.vigil.rule.RuleCompiler;
import io.vigil.rule.RuleFileParser;
import io.vigil.rule.RuleGroup;
import io.vigil.rule.TemplateContext;
import io.vigil.rule.eval.SeriesSource;
import io.vigil.sample.SeriesStore;

/**
 * alert_rule_test cases, as promtool runs them: every group evaluated at each multiple of its
 * interval from time 0, and at each eval_time the firing alerts of the named rule compared with
 * the expected ones (labels without alertname, and annotations).
 */
final class AlertRuleTests {

    private AlertRuleTests() {
    }

    static List<String> run(PromtoolTestFile file, PromtoolTestFile.TestGroup group, SeriesStore store) {
        List<RuleGroup> groups = loadRules(file);
        TemplateContext context = new TemplateContext(group.externalLabels(), group.externalUrl());
        SeriesSource source = SeriesSource.of(store);
        RecordedSeries recorded = RecordedSeries.into(store);
        List<JsonNode> tests = new ArrayList<>(group.alertTests());
        tests.sort(Comparator.comparing(t -> PromtoolTestFile.at(t.get("eval_time"))));
        Instant end = tests.isEmpty() ? Instant.EPOCH : PromtoolTestFile.at(tests.get(tests.size() - 1).get("eval_time"));
        List<String> failures = new ArrayList<>();
        int next = 0;
        for (Instant ts = Instant.EPOCH; !ts.isAfter(end); ts = ts.plus(file.evaluationInterval())) {
            long elapsed = Duration.between(Instant.EPOCH, ts).toMillis();
            for (RuleGroup ruleGroup : groups) {
                if (elapsed % ruleGroup.interval().toMillis() == 0) {
                    ruleGroup.evaluate(ts, source, recorded, context);
                }
            }
            while (next < tests.size() && !PromtoolTestFile.at(tests.get(next).get("eval_time")).isAfter(ts)) {
                check(group, groups, tests.get(next++), failures);
            }
        }
        return failures;
    }

    private static void check(PromtoolTestFile.TestGroup group, List<RuleGroup> groups, JsonNode test, List<String> failures) {
        String alertName = test.path("alertname").asText();
        List<String> expected = new ArrayList<>();
        for (JsonNode alert : test.path("exp_alerts")) {
            expected.add(render(map(alert.path("exp_labels")), map(alert.path("exp_annotations"))));
        }
        List<String> got = new ArrayList<>();
        for (RuleGroup ruleGroup : groups) {
            for (Rule rule : ruleGroup.rules()) {
                if (rule instanceof AlertingRule alerting && alerting.definition().name().equals(alertName)) {
                    for (Alert alert : alerting.tracker().alerts()) {
                        if (alert.state() == AlertState.FIRING) {
                            Map<String, String> labels = new TreeMap<>(alert.labels().toMap());
                            labels.remove(AlertingRule.ALERT_NAME);
                            got.add(render(labels, alert.annotations()));
                        }
                    }
                }
            }
        }
        expected.sort(null);
        got.sort(null);
        if (!expected.equals(got)) {
            failures.add(group.name() + ": alertname: " + alertName + ", time: " + test.path("eval_time").asText()
                    + "\n    exp: " + expected + "\n    got: " + got);
        }
    }

    private static List<RuleGroup> loadRules(PromtoolTestFile file) {
        List<RuleGroup> groups = new ArrayList<>();
        for (String ruleFile : file.ruleFiles()) {
            Path path = file.path().resolveSibling(ruleFile);
            try {
                RuleFileParser.parse(path.toString(), Files.readString(path))
                        .forEach(definition -> groups.add(RuleCompiler.compile(definition, file.evaluationInterval())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return groups;
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> map = new TreeMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static String render(Map<String, String> labels, Map<String, String> annotations) {
        return "labels:" + new TreeMap<>(labels) + " annotations:" + new TreeMap<>(annotations);
    }
}
