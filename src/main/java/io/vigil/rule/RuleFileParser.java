package io.vigil.rule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.vigil.config.YamlDocument;
import io.vigil.config.YamlSection;

/**
 * Reads a Prometheus rule file with the checks of Prometheus's rulefmt, so that a file
 * {@code promtool check rules} accepts loads here unchanged and one it rejects is rejected with
 * the file, the line and the reason. Expressions and templates are checked by the caller.
 */
public final class RuleFileParser {

    private static final Set<String> FILE_KEYS = Set.of("groups");
    private static final Set<String> GROUP_KEYS = Set.of("name", "interval", "query_offset", "limit", "labels", "rules");
    private static final Set<String> RULE_KEYS = Set.of("alert", "record", "expr", "for", "keep_firing_for", "labels", "annotations");
    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private RuleFileParser() {
    }

    public static List<RuleGroupDefinition> parse(String file, String text) {
        YamlSection root = YamlDocument.parse(file, text).rootSection();
        root.rejectUnknownKeys(FILE_KEYS);
        List<RuleGroupDefinition> groups = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlSection group : root.sections("groups")) {
            RuleGroupDefinition parsed = parseGroup(file, group);
            if (!names.add(parsed.name())) {
                throw group.error("name", "groupname: \"" + parsed.name() + "\" is repeated in the same file");
            }
            groups.add(parsed);
        }
        return groups;
    }

    private static RuleGroupDefinition parseGroup(String file, YamlSection group) {
        group.rejectUnknownKeys(GROUP_KEYS);
        String name = group.string("name", "");
        if (name.isBlank()) {
            throw group.error("name", "Groupname must not be empty");
        }
        Duration interval = group.duration("interval", null);
        if (interval != null && interval.isZero()) {
            throw group.error("interval", "interval must be greater than 0s");
        }
        Duration queryOffset = group.duration("query_offset", Duration.ZERO);
        int limit = integer(group, "limit");
        Map<String, String> labels = group.stringMap("labels");
        checkLabelNames(group, "labels", labels);
        List<RuleDefinition> rules = new ArrayList<>();
        for (YamlSection rule : group.sections("rules")) {
            rules.add(parseRule(file, rule));
        }
        return new RuleGroupDefinition(file, name, interval, queryOffset, limit, labels, rules);
    }

    private static RuleDefinition parseRule(String file, YamlSection rule) {
        rule.rejectUnknownKeys(RULE_KEYS);
        // An empty name counts as absent, as in Prometheus's rulefmt.
        String alert = blankToNull(rule.string("alert", null));
        String record = blankToNull(rule.string("record", null));
        if (alert == null && record == null) {
            throw rule.error("one of 'record' or 'alert' must be set");
        }
        if (alert != null && record != null) {
            throw rule.error("only one of 'record' and 'alert' must be set");
        }
        String expr = rule.string("expr", "");
        if (expr.isBlank()) {
            throw rule.error("field 'expr' must be set in rule");
        }
        Map<String, String> labels = rule.stringMap("labels");
        checkLabelNames(rule, "labels", labels);
        Map<String, String> annotations = rule.stringMap("annotations");
        checkLabelNames(rule, "annotations", annotations);
        int line = rule.document().lineOf(rule.pointer());
        int exprLine = rule.document().lineOf(rule.pointerOf("expr"));
        if (record != null) {
            if (!METRIC_NAME.matcher(record).matches()) {
                throw rule.error("record", "invalid recording rule name: " + record);
            }
            for (String forbidden : List.of("annotations", "for", "keep_firing_for")) {
                if (rule.has(forbidden)) {
                    throw rule.error(forbidden, "invalid field '" + forbidden + "' in recording rule");
                }
            }
            return new RuleDefinition(RuleDefinition.Kind.RECORDING, record, expr, Duration.ZERO, Duration.ZERO,
                    labels, Map.of(), file, line, exprLine);
        }
        return new RuleDefinition(RuleDefinition.Kind.ALERTING, alert, expr,
                rule.duration("for", Duration.ZERO), rule.duration("keep_firing_for", Duration.ZERO),
                labels, annotations, file, line, exprLine);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static int integer(YamlSection section, String key) {
        String text = section.string(key, "0");
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw section.error(key, key + " must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw section.error(key, "cannot read \"" + text + "\" as a whole number");
        }
    }

    private static void checkLabelNames(YamlSection section, String key, Map<String, String> names) {
        for (String name : names.keySet()) {
            if (!LABEL_NAME.matcher(name).matches()) {
                throw section.document().error(section.pointerOf(key).appendProperty(name),
                        "invalid " + (key.equals("annotations") ? "annotation" : "label") + " name: " + name);
            }
        }
    }
}
