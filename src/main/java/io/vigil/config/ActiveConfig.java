package io.vigil.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * The running vigil.yaml. It is read once at start-up (a bad file stops start-up) and again on
 * {@link #reload()}, which swaps the new one in only if all of it is valid.
 */
@ApplicationScoped
public class ActiveConfig {

    static final String BUNDLED_EXAMPLE = "vigil/example.yaml";
    /** Where a configuration given as text comes from, as messages name it. */
    static final String CONFIG_YAML_VARIABLE = "VIGIL_CONFIG_YAML";
    private static final Logger LOG = Logger.getLogger(ActiveConfig.class);

    @Inject
    VigilSettings settings;

    @Inject
    ProbeTypes probeTypes;

    @Inject
    Event<ConfigApplied> applied;

    @Inject
    Event<ConfigProposed> proposed;

    @ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    @ConfigProperty(name = "quarkus.http.test-port", defaultValue = "8081")
    int httpTestPort;

    private volatile VigilConfig current;

    void onStart(@Observes @Priority(10) StartupEvent event) {
        reload();
    }

    /** The running configuration; never null once start-up has finished. */
    public VigilConfig current() {
        return current;
    }

    /** Re-reads every file; on any error the running configuration stays and the error is thrown. */
    public synchronized VigilConfig reload() {
        VigilConfig loaded = load();
        // Parts read from other files (rule files, alertmanager config) are checked now, while
        // a problem can still keep the running configuration.
        proposed.fire(new ConfigProposed(loaded));
        VigilConfig previous = current;
        current = loaded;
        LOG.infof("Configuration %s applied: %d probes", loaded.source(), loaded.probes().size());
        applied.fire(new ConfigApplied(loaded, previous));
        return loaded;
    }

    /** How {@code ${NAME}} is resolved in vigil.yaml, and in the files it names that allow it. */
    public EnvSubstitution substitution() {
        return new EnvSubstitution(this::variable);
    }

    private VigilConfig load() {
        VigilConfigParser parser = new VigilConfigParser(probeTypes, substitution());
        if (settings.config().isEmpty() && settings.configYaml().isPresent()) {
            return parser.parse(CONFIG_YAML_VARIABLE, Path.of("").toAbsolutePath(), settings.configYaml().get());
        }
        Optional<Path> file = settings.config().map(Path::of).or(() -> {
            Path local = Path.of("vigil.yaml");
            return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
        });
        if (file.isPresent()) {
            Path path = file.get();
            String text;
            try {
                text = Files.readString(path);
            } catch (IOException e) {
                throw new ConfigException(path.toString(), 0, "cannot read the file: " + e.getMessage());
            }
            Path base = path.toAbsolutePath().getParent();
            return parser.parse(path.toString(), base, text);
        }
        // No base directory: the example's rule files are read from the jar, next to it.
        return parser.parse("bundled " + BUNDLED_EXAMPLE, null, bundledExample());
    }

    /**
     * Environment variables (through MicroProfile Config, so system properties and .env work too),
     * plus VIGIL_HTTP_PORT, the port Vigil listens on, so that a config can watch Vigil itself.
     */
    private String variable(String name) {
        if (name.equals("VIGIL_HTTP_PORT")) {
            return String.valueOf(LaunchMode.current() == LaunchMode.TEST ? httpTestPort : httpPort);
        }
        return ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse(null);
    }

    private static String bundledExample() {
        try (InputStream in = ActiveConfig.class.getClassLoader().getResourceAsStream(BUNDLED_EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED_EXAMPLE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
