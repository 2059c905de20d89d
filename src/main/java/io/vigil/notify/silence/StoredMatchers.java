package io.vigil.notify.silence;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.notify.MatchType;
import io.vigil.notify.Matcher;

/** A silence's matchers as stored: a JSON array of Alertmanager's matcher objects. */
final class StoredMatchers {

    record MatcherJson(String name, String value, boolean isRegex, boolean isEqual) {
    }

    private static final TypeReference<List<MatcherJson>> TYPE = new TypeReference<>() {
    };

    private StoredMatchers() {
    }

    static String write(ObjectMapper json, List<Matcher> matchers) {
        try {
            return json.writeValueAsString(matchers.stream()
                    .map(m -> new MatcherJson(m.name(), m.value(), m.type().isRegex(), m.type().isEqual())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("matchers always serialize", e);
        }
    }

    static List<Matcher> read(ObjectMapper json, String text) {
        try {
            return json.readValue(text, TYPE).stream()
                    .map(m -> new Matcher(m.name(), MatchType.of(m.isRegex(), m.isEqual()), m.value())).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored silence matchers are not a JSON array", e);
        }
    }
}
