package io.vigil.rule.promtool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.vigil.config.PromDuration;
import io.vigil.rule.promql.LabelMatcher;
import io.vigil.rule.promql.PromQL;
import io.vigil.rule.promql.VectorSelector;
import io.vigil.sample.Labels;
import io.vigil.sample.Sample;
import io.vigil.sample.SeriesStore;

/**
 * A promtool unit-test file ({@code promtool test rules}), read as promtool reads it: rule files,
 * evaluation interval, and test groups with input series and expectations.
 */
record PromtoolTestFile(Path path, List<String> ruleFiles, Duration evaluationInterval, List<TestGroup> tests) {

    record TestGroup(String name, Duration interval, List<InputSeries> inputSeries, List<JsonNode> alertTests,
            List<JsonNode> exprTests, Map<String, String> externalLabels, String externalUrl) {

        /** The input series loaded into a fresh sample history, timestamps from 0 at {@code interval} steps. */
        SeriesStore load() {
            SeriesStore store = new SeriesStore(Clock.systemUTC(), Duration.ofDays(100_000), Integer.MAX_VALUE);
            for (InputSeries series : inputSeries) {
                Labels labels = series.labels();
                String metric = labels.get(Labels.METRIC_NAME);
                Labels common = labels.without(List.of(Labels.METRIC_NAME));
                for (int i = 0; i < series.values().size(); i++) {
                    Double value = series.values().get(i);
                    if (value != null) {
                        store.append(i * interval.toMillis(), common, List.of(Sample.of(metric, value)));
                    }
                }
            }
            return store;
        }
    }

    record InputSeries(Labels labels, List<Double> values) {
    }

    static PromtoolTestFile read(Path path) {
        try {
            JsonNode root = new YAMLMapper().readTree(Files.readString(path));
            Duration evaluationInterval = duration(root.get("evaluation_interval"), Duration.ofMinutes(1));
            List<String> ruleFiles = new ArrayList<>();
            root.path("rule_files").forEach(file -> ruleFiles.add(file.asText()));
            List<TestGroup> groups = new ArrayList<>();
            for (JsonNode test : root.path("tests")) {
                List<InputSeries> series = new ArrayList<>();
                for (JsonNode input : test.path("input_series")) {
                    series.add(new InputSeries(seriesLabels(input.path("series").asText()),
                            SeriesNotation.expand(input.path("values").asText())));
                }
                Map<String, String> externalLabels = new TreeMap<>();
                test.path("external_labels").properties().forEach(e -> externalLabels.put(e.getKey(), e.getValue().asText()));
                groups.add(new TestGroup(test.path("name").asText(""), duration(test.get("interval"), evaluationInterval),
                        series, list(test.path("alert_rule_test")), list(test.path("promql_expr_test")),
                        externalLabels, test.path("external_url").asText("")));
            }
            return new PromtoolTestFile(path, ruleFiles, evaluationInterval, groups);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code metric{a="b"}}, {@code {__name__="m"}} or {@code {}} as a label set with __name__. */
    static Labels seriesLabels(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty() || trimmed.equals("{}")) {
            return Labels.EMPTY;
        }
        VectorSelector selector = (VectorSelector) PromQL.parse(trimmed);
        Map<String, String> labels = new TreeMap<>();
        for (LabelMatcher matcher : selector.matchers()) {
            labels.put(matcher.name(), matcher.value());
        }
        return Labels.of(labels);
    }

    static Instant at(JsonNode evalTime) {
        return Instant.EPOCH.plus(duration(evalTime, Duration.ZERO));
    }

    private static Duration duration(JsonNode node, Duration fallback) {
        return node == null || node.isNull() ? fallback : PromDuration.parse(node.asText());
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }
}
