package io.vigil.config;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Binds a YAML section onto a record whose components are the snake_case keys of the file
 * (blackbox_exporter's names), with Prometheus durations and no unknown key tolerated.
 */
public final class ConfigBinder {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .propertyNamingStrategy(SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(new SimpleModule().addDeserializer(Duration.class, new PromDurationDeserializer()))
            .build();

    private ConfigBinder() {
    }

    public static <T> T bind(YamlSection section, Class<T> type) {
        if (type.isRecord()) {
            // Jackson may call the constructor (and report a missing key) before it meets an
            // unknown one; a misspelt key is the likelier mistake, so it is checked first.
            section.rejectUnknownKeys(keysOf(type));
        }
        try {
            return MAPPER.treeToValue(section.node(), type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause();
            JsonPointer at = pointerOf(section.pointer(), e);
            if (cause instanceof InvalidKeyException invalid) {
                for (String part : invalid.key().split("\\.")) {
                    at = at.appendProperty(part);
                }
                throw section.document().error(at, invalid.getMessage());
            }
            throw section.document().error(at, cause == null ? e.getOriginalMessage() : cause.getMessage());
        } catch (UnrecognizedPropertyException e) {
            throw section.document().error(pointerOf(section.pointer(), e), "unknown key \"" + e.getPropertyName()
                    + "\" (allowed: " + allowed(e.getKnownPropertyIds()) + ")");
        } catch (InvalidFormatException e) {
            throw section.document().error(pointerOf(section.pointer(), e),
                    "cannot read \"" + e.getValue() + "\" as " + describe(e.getTargetType()));
        } catch (JsonMappingException e) {
            throw section.document().error(pointerOf(section.pointer(), e), cleanMessage(e));
        } catch (IOException e) {
            throw section.error(e.getMessage());
        }
    }

    private static Set<String> keysOf(Class<?> record) {
        Set<String> keys = new HashSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            keys.add(SNAKE_CASE.translate(component.getName()));
        }
        return keys;
    }

    private static JsonPointer pointerOf(JsonPointer base, JsonMappingException e) {
        JsonPointer at = base;
        for (JsonMappingException.Reference ref : e.getPath()) {
            at = ref.getFieldName() != null ? at.appendProperty(ref.getFieldName()) : at.appendIndex(ref.getIndex());
        }
        return at;
    }

    private static String allowed(Collection<Object> known) {
        TreeSet<String> names = new TreeSet<>();
        if (known != null) {
            known.forEach(k -> names.add(String.valueOf(k)));
        }
        return String.join(", ", names);
    }

    private static String describe(Class<?> type) {
        if (type == Duration.class) {
            return "a duration";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Pattern.class) {
            return "a regular expression";
        }
        return "a " + type.getSimpleName();
    }

    private static String cleanMessage(JsonMappingException e) {
        if (e.getCause() instanceof IllegalArgumentException cause && cause.getMessage() != null) {
            return cause.getMessage();
        }
        String message = e.getOriginalMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static final class PromDurationDeserializer extends StdScalarDeserializer<Duration> {

        PromDurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            try {
                return PromDuration.parse(text);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(parser, e.getMessage(), e);
            }
        }
    }
}
