package io.vigil.rule.promtool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.vigil.rule.eval.Evaluator;
import io.vigil.rule.eval.InstantVector;
import io.vigil.rule.eval.Scalar;
import io.vigil.rule.eval.SeriesSource;
import io.vigil.rule.eval.Value;
import io.vigil.rule.eval.VectorSample;
import io.vigil.rule.promql.PromQL;
import io.vigil.sample.Labels;
import io.vigil.sample.SeriesStore;

/**
 * Runs a promtool unit-test file on Vigil's engine, with virtual time: the same file CI also gives
 * to {@code promtool test rules}, so both engines are held to one set of expectations.
 */
final class PromtoolRunner {

    private PromtoolRunner() {
    }

    /** Every expectation that did not hold, as promtool would word it; empty when all passed. */
    static List<String> run(PromtoolTestFile file) {
        List<String> failures = new ArrayList<>();
        for (PromtoolTestFile.TestGroup group : file.tests()) {
            SeriesStore store = group.load();
            if (!group.alertTests().isEmpty()) {
                // Rules run first: recording rules add series that the expression tests may read.
                failures.addAll(AlertRuleTests.run(file, group, store));
            }
            for (JsonNode test : group.exprTests()) {
                checkExpression(group, SeriesSource.of(store), test, failures);
            }
        }
        return failures;
    }

    private static void checkExpression(PromtoolTestFile.TestGroup group, SeriesSource source, JsonNode test,
            List<String> failures) {
        String expr = test.path("expr").asText();
        String evalTime = test.path("eval_time").asText("0s");
        List<VectorSample> expected = new ArrayList<>();
        for (JsonNode sample : test.path("exp_samples")) {
            expected.add(new VectorSample(PromtoolTestFile.seriesLabels(sample.path("labels").asText("")),
                    SeriesNotation.number(sample.path("value").asText())));
        }
        List<VectorSample> got;
        try {
            Value value = new Evaluator(source).evaluate(PromQL.parse(expr), PromtoolTestFile.at(test.get("eval_time")));
            got = value instanceof Scalar scalar ? List.of(new VectorSample(Labels.EMPTY, scalar.value()))
                    : ((InstantVector) value).samples();
        } catch (RuntimeException e) {
            failures.add(group.name() + ": expr: " + expr + ", time: " + evalTime + ": error: " + e.getMessage());
            return;
        }
        if (!sameSamples(expected, got)) {
            failures.add(group.name() + ": expr: " + expr + ", time: " + evalTime + "\n    exp: " + render(expected)
                    + "\n    got: " + render(got));
        }
    }

    private static boolean sameSamples(List<VectorSample> expected, List<VectorSample> got) {
        if (expected.size() != got.size()) {
            return false;
        }
        List<VectorSample> a = sorted(expected);
        List<VectorSample> b = sorted(got);
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).labels().equals(b.get(i).labels()) || !close(a.get(i).value(), b.get(i).value())) {
                return false;
            }
        }
        return true;
    }

    /** Equal, or both NaN, or different only in the last bits (sums in another order). */
    static boolean close(double expected, double got) {
        if (Double.isNaN(expected) || Double.isNaN(got)) {
            return Double.isNaN(expected) && Double.isNaN(got);
        }
        return expected == got || Math.abs(expected - got) <= 1e-12 * Math.max(Math.abs(expected), Math.abs(got));
    }

    private static List<VectorSample> sorted(List<VectorSample> samples) {
        return samples.stream().sorted(Comparator.comparing(VectorSample::labels)).toList();
    }

    private static String render(List<VectorSample> samples) {
        return sorted(samples).stream().map(s -> s.labels() + " " + s.value()).toList().toString();
    }
}
