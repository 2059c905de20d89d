package io.vigil.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Turns the text of a vigil.yaml into a {@link VigilConfig}, or a {@link ConfigException} naming the first problem. */
public final class VigilConfigParser {

    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(60);
    public static final Duration MAX_DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final Set<String> TOP_LEVEL_KEYS = Set.of("global", "probes", "rule_files", "alertmanager_config", "incidents");
    private static final Set<String> GLOBAL_KEYS = Set.of("evaluation_interval", "external_url", "external_labels");
    private static final Set<String> COMMON_PROBE_KEYS = Set.of("name", "type", "interval", "timeout", "labels");
    /** Labels that Vigil sets itself on every probe sample. */
    private static final Set<String> RESERVED_LABELS = Set.of("probe", "type", "job", "instance");
    private static final Pattern PROBE_NAME = Pattern.compile("[a-zA-Z0-9_-]+");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final ProbeTypes probeTypes;
    private final EnvSubstitution environment;

    public VigilConfigParser(ProbeTypes probeTypes, EnvSubstitution environment) {
        this.probeTypes = probeTypes;
        this.environment = environment;
    }

    public VigilConfig parse(String source, Path baseDirectory, String text) {
        YamlDocument document = YamlDocument.parse(source, text);
        environment.apply(document);
        YamlSection root = document.rootSection();
        root.rejectUnknownKeys(TOP_LEVEL_KEYS);
        GlobalConfig global = parseGlobal(root.section("global"));
        List<ProbeDefinition> probes = parseProbes(root.sections("probes"));
        List<String> ruleFiles = root.stringList("rule_files");
        Optional<String> alertmanagerConfig = Optional.ofNullable(root.string("alertmanager_config", null));
        IncidentsConfig incidents = IncidentsConfigParser.parse(root.section("incidents"));
        return new VigilConfig(source, baseDirectory, global, probes, ruleFiles, alertmanagerConfig, incidents);
    }

    private GlobalConfig parseGlobal(YamlSection global) {
        global.rejectUnknownKeys(GLOBAL_KEYS);
        Duration evaluationInterval = global.duration("evaluation_interval", GlobalConfig.DEFAULT_EVALUATION_INTERVAL);
        if (evaluationInterval.isZero()) {
            throw global.error("evaluation_interval", "must be greater than 0s");
        }
        URI externalUrl = null;
        String url = global.string("external_url", null);
        if (url != null) {
            externalUrl = absoluteUrl(global, "external_url", url);
        }
        Map<String, String> externalLabels = global.stringMap("external_labels");
        externalLabels.keySet().forEach(name -> checkLabelName(global, "external_labels", name));
        return new GlobalConfig(evaluationInterval, externalUrl, externalLabels);
    }

    private List<ProbeDefinition> parseProbes(List<YamlSection> sections) {
        List<ProbeDefinition> probes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlSection section : sections) {
            ProbeDefinition probe = parseProbe(section);
            if (!names.add(probe.name())) {
                throw section.error("name", "duplicate probe name \"" + probe.name() + "\"");
            }
            probes.add(probe);
        }
        return probes;
    }

    private ProbeDefinition parseProbe(YamlSection section) {
        String name = section.requiredString("name");
        if (!PROBE_NAME.matcher(name).matches()) {
            throw section.error("name", "probe name \"" + name + "\" may only hold letters, digits, '_' and '-'");
        }
        String type = section.requiredString("type");
        Class<?> specType = probeTypes.specType(type);
        if (specType == null) {
            throw section.error("type", "unknown probe type \"" + type + "\" (known: "
                    + String.join(", ", new TreeSet<>(probeTypes.names())) + ")");
        }
        Duration interval = section.duration("interval", DEFAULT_PROBE_INTERVAL);
        if (interval.isZero()) {
            throw section.error("interval", "must be greater than 0s");
        }
        Duration defaultTimeout = interval.compareTo(MAX_DEFAULT_TIMEOUT) < 0 ? interval : MAX_DEFAULT_TIMEOUT;
        Duration timeout = section.duration("timeout", defaultTimeout);
        if (timeout.isZero() || timeout.compareTo(interval) > 0) {
            throw section.error("timeout", "must be greater than 0s and at most the interval ("
                    + PromDuration.format(interval) + ")");
        }
        Map<String, String> labels = section.stringMap("labels");
        for (String label : labels.keySet()) {
            checkLabelName(section, "labels", label);
            if (RESERVED_LABELS.contains(label)) {
                throw section.document().error(section.pointerOf("labels").appendProperty(label),
                        "label \"" + label + "\" is set by Vigil itself and cannot be overridden");
            }
            if (probeTypes.sampleLabels(type).contains(label)) {
                throw section.document().error(section.pointerOf("labels").appendProperty(label),
                        "label \"" + label + "\" is set by the samples of " + type + " probes; name it otherwise");
            }
        }
        Object spec = ConfigBinder.bind(section.without(COMMON_PROBE_KEYS), specType);
        return new ProbeDefinition(name, type, interval, timeout, labels, spec);
    }

    private static void checkLabelName(YamlSection section, String key, String name) {
        if (!LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
            throw section.document().error(section.pointerOf(key).appendProperty(name),
                    "\"" + name + "\" is not a valid label name");
        }
    }

    private static URI absoluteUrl(YamlSection section, String key, String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw section.error(key, "\"" + text + "\" is not an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw section.error(key, "\"" + text + "\" is not a valid URL: " + e.getReason());
        }
    }
}
