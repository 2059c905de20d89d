package io.vigil.rule;

import java.util.Map;

/** What alert templates see beyond the alert itself: {@code $externalLabels} and {@code $externalURL}. */
public record TemplateContext(Map<String, String> externalLabels, String externalUrl) {

    public static final TemplateContext EMPTY = new TemplateContext(Map.of(), "");

    public TemplateContext {
        externalLabels = Map.copyOf(externalLabels);
        externalUrl = externalUrl == null ? "" : externalUrl;
    }
}
