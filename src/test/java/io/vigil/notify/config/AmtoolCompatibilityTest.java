package io.vigil.notify.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.testsupport.Amtool;

/**
 * Holds real Alertmanager to the same files as Vigil's parser: every valid config of the tests and every shipped
 * example passes {@code amtool check-config}, and what Vigil rejects amtool rejects too, except where a sample is
 * marked as Vigil's own restriction (then amtool must accept it, so the mark stays true). CI installs amtool; a
 * machine without it fails here rather than skip, so the comparison is never silently lost.
 */
class AmtoolCompatibilityTest {

    private static final Path EXAMPLES = Path.of("examples");

    @TempDir
    Path directory;

    @TestFactory
    Stream<DynamicTest> everyValidConfigAndShippedExamplePassesAmtool() throws IOException {
        Map<String, String> configs = new LinkedHashMap<>(AlertmanagerConfigSamples.valid());
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            files.filter(f -> f.getFileName().toString().matches("alertmanager.*\\.ya?ml")).sorted()
                    .forEach(f -> configs.put(f.toString(), read(f)));
        }
        assertThat(configs).containsKey(AlertmanagerConfigParserTest.EXAMPLE.toString());
        return configs.entrySet().stream().map(config -> dynamicTest(config.getKey(), () -> {
            Amtool.Result check = check(config.getKey(), config.getValue());
            assertThat(check.exitCode()).as("amtool check-config rejects %s:%n%s", config.getKey(), check.output())
                    .isZero();
        }));
    }

    @TestFactory
    Stream<DynamicTest> amtoolRejectsWhatVigilRejectsUnlessMarkedAsVigilsOwnRestriction() {
        return AlertmanagerConfigSamples.rejected().stream().map(rejected -> dynamicTest(rejected.name(), () -> {
            Amtool.Result check = check(rejected.name(), rejected.yaml());
            if (rejected.amtoolRejects()) {
                assertThat(check.exitCode()).as("amtool accepts what Vigil rejects (%s):%n%s", rejected.problem(),
                        check.output()).isNotZero();
            } else {
                assertThat(check.exitCode()).as("amtool rejects it too, so it is no restriction of Vigil's own:%n%s",
                        check.output()).isZero();
            }
        }));
    }

    private Amtool.Result check(String name, String yaml) throws IOException {
        Path file = directory.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".yml");
        Files.writeString(file, yaml);
        return Amtool.run("check-config", file.toString());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
