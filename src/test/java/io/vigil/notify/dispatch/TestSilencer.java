package io.vigil.notify.dispatch;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.vigil.sample.Labels;

/** Silences by id, each muting the label sets that have all its label values. */
final class TestSilencer implements Silencer {

    private final Map<String, Labels> silences = new LinkedHashMap<>();

    void add(String id, Labels matchers) {
        silences.put(id, matchers);
    }

    void expire(String id) {
        silences.remove(id);
    }

    @Override
    public List<String> silencedBy(Labels labels, Instant now) {
        return silences.entrySet().stream()
                .filter(silence -> silence.getValue().toMap().entrySet().stream()
                        .allMatch(m -> m.getValue().equals(labels.get(m.getKey()))))
                .map(Map.Entry::getKey)
                .toList();
    }
}
