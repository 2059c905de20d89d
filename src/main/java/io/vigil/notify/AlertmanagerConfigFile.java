package io.vigil.notify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.vigil.config.ConfigException;
import io.vigil.config.EnvSubstitution;
import io.vigil.config.VigilConfig;
import io.vigil.notify.config.AlertmanagerConfig;
import io.vigil.notify.config.AlertmanagerConfigParser;

/** Reads the {@code alertmanager_config} a vigil.yaml names: a file next to it, or a resource for the bundled one. */
final class AlertmanagerConfigFile {

    private static final String BUNDLED_DIRECTORY = "vigil/";

    private AlertmanagerConfigFile() {
    }

    /** The parsed file, or {@link ActiveRouting#NONE} when vigil.yaml names none. */
    static AlertmanagerConfig load(VigilConfig config, EnvSubstitution env) {
        if (config.alertmanagerConfig().isEmpty()) {
            return ActiveRouting.NONE;
        }
        String name = config.alertmanagerConfig().get();
        if (config.baseDirectory() == null) {
            String resource = BUNDLED_DIRECTORY + name;
            return AlertmanagerConfigParser.parse("bundled " + resource, bundled(resource), env);
        }
        Path file = config.baseDirectory().resolve(name);
        try {
            return AlertmanagerConfigParser.parse(file.toString(), Files.readString(file), env);
        } catch (NoSuchFileException e) {
            throw new ConfigException(config.source(), 0, "alertmanager_config: " + file + " does not exist");
        } catch (IOException e) {
            throw new ConfigException(config.source(), 0, "alertmanager_config: cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String bundled(String resource) {
        try (InputStream in = AlertmanagerConfigFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException("bundled example", 0, "alertmanager_config: " + resource + " is not in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException("bundled example", 0, "alertmanager_config: cannot read " + resource);
        }
    }
}
