package io.vigil.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A whole, validated vigil.yaml. Immutable: a reload builds a new one and swaps it in only when
 * every part of it is valid.
 *
 * @param source where it was read from, as shown in messages
 * @param baseDirectory the directory that relative paths ({@code rule_files}, {@code alertmanager_config}) start
 *        from; null for the bundled example, whose files are resources next to it in the jar
 * @param incidents how alerts become incidents and when those are escalated
 */
public record VigilConfig(String source, Path baseDirectory, GlobalConfig global, List<ProbeDefinition> probes,
        List<String> ruleFiles, Optional<String> alertmanagerConfig, IncidentsConfig incidents) {

    public VigilConfig {
        probes = List.copyOf(probes);
        ruleFiles = List.copyOf(ruleFiles);
    }

    public Optional<ProbeDefinition> probe(String name) {
        return probes.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
