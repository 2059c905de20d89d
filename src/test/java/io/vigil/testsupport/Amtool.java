package io.vigil.testsupport;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real {@code amtool} (Debian package prometheus-alertmanager), run as a user would. */
public final class Amtool {

    /** How a run ended: its exit code and its output, stdout and stderr together. */
    public record Result(int exitCode, String output) {
    }

    private Amtool() {
    }

    /** Runs {@code amtool args...}; a missing amtool fails the test rather than skipping it. */
    public static Result run(String... args) {
        List<String> command = new ArrayList<>(List.of(path().toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("amtool did not finish within 30 s: " + String.join(" ", args));
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path path() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "amtool");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("amtool is not on PATH: install the Debian package prometheus-alertmanager"
                + " (apt-get install prometheus-alertmanager), as CI's .ci/run does");
    }
}
