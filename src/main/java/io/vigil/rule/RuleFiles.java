package io.vigil.rule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.vigil.config.ConfigException;
import io.vigil.config.VigilConfig;

/** Finds the files that {@code rule_files} globs name (relative to vigil.yaml) and compiles their groups. */
public final class RuleFiles {

    private static final String BUNDLED_DIRECTORY = "vigil/";

    private RuleFiles() {
    }

    private static String bundled(String resource) {
        try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException("bundled example", 0, "rule_files: " + resource + " is not in the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<RuleGroup> load(VigilConfig config) {
        List<RuleGroup> groups = new ArrayList<>();
        Duration interval = config.global().evaluationInterval();
        for (String pattern : config.ruleFiles()) {
            if (config.baseDirectory() == null) {
                String resource = BUNDLED_DIRECTORY + pattern;
                RuleFileParser.parse("bundled " + resource, bundled(resource))
                        .forEach(group -> groups.add(RuleCompiler.compile(group, interval)));
                continue;
            }
            for (Path file : expand(config, pattern)) {
                String text;
                try {
                    text = Files.readString(file);
                } catch (IOException e) {
                    throw new ConfigException(file.toString(), 0, "cannot read the rule file: " + e.getMessage());
                }
                RuleFileParser.parse(file.toString(), text).forEach(group -> groups.add(RuleCompiler.compile(group, interval)));
            }
        }
        return groups;
    }

    /** As Prometheus: a glob matching nothing is no error, but a plain path that does not exist is. */
    static List<Path> expand(VigilConfig config, String pattern) {
        Path base = config.baseDirectory();
        Path absolute = base.resolve(pattern).normalize();
        if (!containsGlob(pattern)) {
            if (!Files.isRegularFile(absolute)) {
                throw new ConfigException(config.source(), 0, "rule_files: " + pattern + " does not exist");
            }
            return List.of(absolute);
        }
        Path root = absolute;
        while (root != null && containsGlob(root.toString())) {
            root = root.getParent();
        }
        if (root == null || !Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + absolute);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(config.source(), 0, "rule_files: cannot list " + root + ": " + e.getMessage());
        }
    }

    private static boolean containsGlob(String text) {
        return text.contains("*") || text.contains("?") || text.contains("[") || text.contains("{");
    }
}
