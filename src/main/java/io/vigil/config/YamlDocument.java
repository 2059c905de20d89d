package io.vigil.config;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A parsed YAML file that still knows where each value came from, so that every later error,
 * from a bad duration to an unknown key deep inside a probe, can name its line.
 */
public final class YamlDocument {

    static final ObjectMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .build();

    private final String file;
    private final JsonNode root;
    private final Map<String, Integer> lines;

    private YamlDocument(String file, JsonNode root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /** Parses {@code text}; a syntax error becomes a {@link ConfigException} with its line. */
    public static YamlDocument parse(String file, String text) {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode() || root.isNull()) {
                root = MAPPER.createObjectNode();
            }
            return new YamlDocument(file, root, indexLines(text));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ConfigException(file, line, "invalid YAML: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static Map<String, Integer> indexLines(String text) throws JsonProcessingException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
            while (parser.nextToken() != null) {
                String pointer = parser.getParsingContext().pathAsPointer().toString();
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("reading an in-memory string failed", e);
        }
        return lines;
    }

    private static String firstLine(String message) {
        String text = message == null ? "unreadable" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** The top-level mapping as a section; a file whose top level is not a mapping is an error. */
    public YamlSection rootSection() {
        if (!(root instanceof ObjectNode object)) {
            throw new ConfigException(file, lineOf(JsonPointer.empty()), "the top level must be a mapping");
        }
        return new YamlSection(this, JsonPointer.empty(), object);
    }

    /** The line of the value at {@code pointer}, or of its nearest enclosing value; 0 if unknown. */
    public int lineOf(JsonPointer pointer) {
        JsonPointer current = pointer;
        while (current != null) {
            Integer line = lines.get(current.toString());
            if (line != null) {
                return line;
            }
            current = current.head();
        }
        return 0;
    }

    /** An error at {@code pointer}, prefixed with the path a person would look for. */
    public ConfigException error(JsonPointer pointer, String problem) {
        String path = displayPath(pointer);
        return new ConfigException(file, lineOf(pointer), path.isEmpty() ? problem : path + ": " + problem);
    }

    JsonNode at(JsonPointer pointer) {
        JsonNode node = root.at(pointer);
        return node == null ? MissingNode.getInstance() : node;
    }

    /** {@code /probes/0/tls_config/insecure_skip_verify} reads as {@code probes[0].tls_config.insecure_skip_verify}. */
    static String displayPath(JsonPointer pointer) {
        StringBuilder out = new StringBuilder();
        JsonPointer current = pointer;
        while (current != null && !current.matches()) {
            if (current.mayMatchElement()) {
                out.append('[').append(current.getMatchingIndex()).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(current.getMatchingProperty());
            }
            current = current.tail();
        }
        return out.toString();
    }
}
