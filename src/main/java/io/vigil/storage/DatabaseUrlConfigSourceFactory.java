package io.vigil.storage;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.EnvConfigSource;

/**
 * Chooses the datasource at start-up from {@code DATABASE_URL} (an environment variable, a system
 * property or .env), so that one jar serves both H2 and PostgreSQL without a rebuild.
 */
public class DatabaseUrlConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of(new DerivedFromEnvironment(DatabaseUrl.toProperties(value(context, "DATABASE_URL"),
                value(context, "DATABASE_USERNAME"), value(context, "DATABASE_PASSWORD"))));
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }

    /**
     * An {@link EnvConfigSource} on purpose: Quarkus records the values of ordinary config sources
     * seen at build time into the jar as defaults, but skips environment sources, so a build run
     * with DATABASE_URL set (as CI does) leaves no credentials in the artifact.
     */
    static final class DerivedFromEnvironment extends EnvConfigSource {

        /** Above application.properties (250), below real environment variables (300). */
        private static final int ORDINAL = 275;

        DerivedFromEnvironment(Map<String, String> properties) {
            super(asEnvironmentNames(properties), ORDINAL);
        }

        private static Map<String, String> asEnvironmentNames(Map<String, String> properties) {
            Map<String, String> env = new HashMap<>();
            properties.forEach((key, value) ->
                    env.put(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
            return env;
        }

        @Override
        public String getName() {
            return "DatabaseUrlConfigSource";
        }
    }
}
