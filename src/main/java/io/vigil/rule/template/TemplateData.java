package io.vigil.rule.template;

import java.util.Map;

/**
 * What an alert's label and annotation templates see, as in Prometheus: {@code .Labels} (also {@code $labels}),
 * {@code .Value} ({@code $value}), {@code .ExternalLabels} ({@code $externalLabels}) and {@code .ExternalURL}
 * ({@code $externalURL}).
 *
 * @param labels         the alert's series labels
 * @param value          the sample value of the alert's series
 * @param externalLabels the server's external labels
 * @param externalUrl    the URL the server is reachable under, as configured
 */
public record TemplateData(Map<String, String> labels, double value, Map<String, String> externalLabels,
        String externalUrl) {

    /** Prometheus' anonymous struct type, as its error messages name it. */
    static final String GO_TYPE = "struct { Labels map[string]string; ExternalLabels map[string]string; "
            + "ExternalURL string; Value interface {} }";

    public TemplateData {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        externalLabels = externalLabels == null ? Map.of() : Map.copyOf(externalLabels);
        externalUrl = externalUrl == null ? "" : externalUrl;
    }

    public TemplateData(Map<String, String> labels, double value) {
        this(labels, value, Map.of(), "");
    }

    GoValues.GoStruct toGo() {
        return GoValues.struct(GO_TYPE, "Labels", GoValues.stringMap(labels), "ExternalLabels",
                GoValues.stringMap(externalLabels), "ExternalURL", externalUrl, "Value", value);
    }
}
