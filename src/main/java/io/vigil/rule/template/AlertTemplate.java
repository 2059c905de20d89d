package io.vigil.rule.template;

import java.util.Optional;

/**
 * An alert label or annotation template, expanded the way Prometheus does it (rules/alerting.go): the text is run as
 * template {@code __alert_NAME} with {@code $labels}, {@code $externalLabels}, {@code $externalURL} and
 * {@code $value} predefined, and any failure becomes the text {@code <error expanding template: ...>} instead of an
 * exception.
 *
 * <p>Compile once per rule and expand on every evaluation; a compiled template is immutable and thread-safe.
 */
public final class AlertTemplate {

    /** The variable definitions Prometheus puts in front of every alert template. */
    static final String DEFINITIONS = "{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}"
            + "{{$externalURL := .ExternalURL}}{{$value := .Value}}";

    private final GoTemplate template;

    private AlertTemplate(GoTemplate template) {
        this.template = template;
    }

    /** Parses a template of the alerting rule {@code alertName}; a syntax error shows up when expanding. */
    public static AlertTemplate compile(String alertName, String text) {
        return new AlertTemplate(GoTemplate.parse("__alert_" + alertName, DEFINITIONS + text));
    }

    /** Compiles and expands in one go, for one-off use. */
    public static String expand(String alertName, String text, TemplateData data) {
        return compile(alertName, text).expand(data);
    }

    /** The expanded text, or Prometheus' {@code <error expanding template: ...>} text; never throws. */
    public String expand(TemplateData data) {
        try {
            return template.execute(data.toGo(), data.externalUrl());
        } catch (TemplateException e) {
            return "<error expanding template: " + describe(e) + ">";
        } catch (RuntimeException e) {
            // Prometheus recovers a panicking template the same way: better a broken annotation than no alert.
            return "<error expanding template: panic expanding template " + template.name() + ": " + e + ">";
        }
    }

    /** The parse error as Prometheus words it, for reporting bad rules when they are loaded. */
    public Optional<String> parseError() {
        return template.parseError().map(message -> "error parsing template " + template.name() + ": " + message);
    }

    private String describe(TemplateException e) {
        String step = e.phase() == TemplateException.Phase.PARSE
                ? "error parsing template " : "error executing template ";
        return step + template.name() + ": " + e.getMessage();
    }
}
