package io.vigil.notify.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

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

    /** What amtool said about one file. */
    private record Check(int exitCode, String output) {
    }

    @TestFactory
    Stream<DynamicTest> everyValidConfigAndShippedExamplePassesAmtool() throws IOException {
        Path amtool = amtool();
        Map<String, String> configs = new LinkedHashMap<>(AlertmanagerConfigSamples.valid());
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            files.filter(f -> f.getFileName().toString().matches("alertmanager.*\\.ya?ml")).sorted()
                    .forEach(f -> configs.put(f.toString(), read(f)));
        }
        assertThat(configs).containsKey(AlertmanagerConfigParserTest.EXAMPLE.toString());
        return configs.entrySet().stream().map(config -> dynamicTest(config.getKey(), () -> {
            Check check = check(amtool, config.getKey(), config.getValue());
            assertThat(check.exitCode()).as("amtool check-config rejects %s:%n%s", config.getKey(), check.output())
                    .isZero();
        }));
    }

    @TestFactory
    Stream<DynamicTest> amtoolRejectsWhatVigilRejectsUnlessMarkedAsVigilsOwnRestriction() {
        Path amtool = amtool();
        return AlertmanagerConfigSamples.rejected().stream().map(rejected -> dynamicTest(rejected.name(), () -> {
            Check check = check(amtool, rejected.name(), rejected.yaml());
            if (rejected.amtoolRejects()) {
                assertThat(check.exitCode()).as("amtool accepts what Vigil rejects (%s):%n%s", rejected.problem(),
                        check.output()).isNotZero();
            } else {
                assertThat(check.exitCode()).as("amtool rejects it too, so it is no restriction of Vigil's own:%n%s",
                        check.output()).isZero();
            }
        }));
    }

    private static Path amtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "amtool");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("amtool is not on PATH: install the Debian package prometheus-alertmanager"
                + " (apt-get install prometheus-alertmanager), as CI's .ci/run does");
    }

    private Check check(Path amtool, String name, String yaml) throws IOException, InterruptedException {
        Path file = directory.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".yml");
        Files.writeString(file, yaml);
        Process process = new ProcessBuilder(amtool.toString(), "check-config", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return fail("amtool check-config did not finish within 30s on " + name);
        }
        return new Check(process.exitValue(), output);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
