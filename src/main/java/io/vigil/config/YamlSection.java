package io.vigil.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One mapping inside a {@link YamlDocument}, read key by key. Every accessor that meets a value it
 * cannot use throws a {@link ConfigException} naming the file, the line and the key path.
 */
public final class YamlSection {

    private final YamlDocument document;
    private final JsonPointer pointer;
    private final ObjectNode node;

    YamlSection(YamlDocument document, JsonPointer pointer, ObjectNode node) {
        this.document = document;
        this.pointer = pointer;
        this.node = node;
    }

    public YamlDocument document() {
        return document;
    }

    public JsonPointer pointer() {
        return pointer;
    }

    public ObjectNode node() {
        return node;
    }

    public boolean has(String key) {
        return node.has(key) && !node.get(key).isNull();
    }

    public JsonPointer pointerOf(String key) {
        return pointer.appendProperty(key);
    }

    public ConfigException error(String key, String problem) {
        return document.error(pointerOf(key), problem);
    }

    public ConfigException error(String problem) {
        return document.error(pointer, problem);
    }

    /** Rejects keys outside {@code allowed}: a misspelt key must not be silently ignored. */
    public void rejectUnknownKeys(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(name, "unknown key \"" + name + "\" (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    public String string(String key, String fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode value = node.get(key);
        if (!value.isValueNode() || value.isBinary()) {
            throw error(key, "must be a single value, not a " + (value.isArray() ? "list" : "mapping"));
        }
        return value.asText();
    }

    public String requiredString(String key) {
        String value = string(key, null);
        if (value == null || value.isBlank()) {
            throw document.error(has(key) ? pointerOf(key) : pointer, "missing required key \"" + key + "\"");
        }
        return value;
    }

    public Duration duration(String key, Duration fallback) {
        String text = string(key, null);
        if (text == null) {
            return fallback;
        }
        try {
            return PromDuration.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(key, e.getMessage());
        }
    }

    /** A YAML boolean; the text {@code true} or {@code false} too, which is what a {@code ${NAME}} becomes. */
    public boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode value = node.get(key);
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
            return Boolean.parseBoolean(value.asText());
        }
        throw error(key, "must be true or false, not \"" + value.asText() + "\"");
    }

    /** A whole number, given as one or as text of digits (again for {@code ${NAME}}). */
    public int integer(String key, int fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode value = node.get(key);
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            return value.intValue();
        }
        if (value.isTextual() && value.asText().matches("-?\\d{1,9}")) {
            return Integer.parseInt(value.asText());
        }
        throw error(key, "must be a whole number, not \"" + value.asText() + "\"");
    }

    public Map<String, String> stringMap(String key) {
        if (!has(key)) {
            return Map.of();
        }
        JsonNode value = node.get(key);
        if (!value.isObject()) {
            throw error(key, "must be a mapping of names to values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        value.properties().forEach(field -> {
            if (!field.getValue().isValueNode()) {
                throw document.error(pointerOf(key).appendProperty(field.getKey()), "must be a single value");
            }
            out.put(field.getKey(), field.getValue().asText());
        });
        return out;
    }

    public List<String> stringList(String key) {
        if (!has(key)) {
            return List.of();
        }
        JsonNode value = node.get(key);
        if (value.isValueNode()) {
            return List.of(value.asText());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            if (!value.get(i).isValueNode()) {
                throw document.error(pointerOf(key).appendIndex(i), "must be a single value");
            }
            out.add(value.get(i).asText());
        }
        return List.copyOf(out);
    }

    /** The mapping under {@code key}, or an empty one when the key is absent. */
    public YamlSection section(String key) {
        if (!has(key)) {
            return new YamlSection(document, pointerOf(key), node.objectNode());
        }
        if (!(node.get(key) instanceof ObjectNode child)) {
            throw error(key, "must be a mapping");
        }
        return new YamlSection(document, pointerOf(key), child);
    }

    /** Each mapping in the list under {@code key}. */
    public List<YamlSection> sections(String key) {
        if (!has(key)) {
            return List.of();
        }
        if (!(node.get(key) instanceof ArrayNode list)) {
            throw error(key, "must be a list");
        }
        List<YamlSection> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonPointer itemPointer = pointerOf(key).appendIndex(i);
            if (!(list.get(i) instanceof ObjectNode item)) {
                throw document.error(itemPointer, "must be a mapping");
            }
            out.add(new YamlSection(document, itemPointer, item));
        }
        return out;
    }

    /** This section without {@code keys}: what is left for a type-specific binder to read. */
    public YamlSection without(Set<String> keys) {
        ObjectNode copy = node.deepCopy();
        copy.remove(keys);
        return new YamlSection(document, pointer, copy);
    }
}
