package io.vigil.config;

import java.util.Iterator;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Replaces {@code ${NAME}} in every string value of a document with the environment variable
 * NAME, so that secrets stay out of config files. Substitution happens on parsed values, never on
 * raw text, so a secret can hold any character without breaking the YAML around it.
 */
public final class EnvSubstitution {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final UnaryOperator<String> environment;

    public EnvSubstitution(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    public static EnvSubstitution fromSystem() {
        Map<String, String> env = System.getenv();
        return new EnvSubstitution(env::get);
    }

    /** Substitutes in place; an unset variable is an error naming it and its line. */
    public void apply(YamlDocument document) {
        walk(document, document.root(), JsonPointer.empty());
    }

    private void walk(YamlDocument document, JsonNode node, JsonPointer at) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonPointer child = at.appendProperty(field.getKey());
                if (field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(substitute(document, child, field.getValue().asText())));
                } else {
                    walk(document, field.getValue(), child);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonPointer child = at.appendIndex(i);
                if (array.get(i).isTextual()) {
                    array.set(i, TextNode.valueOf(substitute(document, child, array.get(i).asText())));
                } else {
                    walk(document, array.get(i), child);
                }
            }
        }
    }

    private String substitute(YamlDocument document, JsonPointer at, String text) {
        if (!text.contains("${")) {
            return text;
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = environment.apply(name);
            if (value == null) {
                throw document.error(at, "environment variable " + name + " is not set");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
