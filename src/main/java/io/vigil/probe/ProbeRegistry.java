package io.vigil.probe;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.vigil.config.ProbeTypes;

/** Every probe type in the application, found through CDI and keyed by {@link Probe#type()}. */
@ApplicationScoped
public class ProbeRegistry implements ProbeTypes {

    @Inject
    @Any
    Instance<Probe<?>> discovered;

    private final Map<String, Probe<?>> byType = new TreeMap<>();

    @PostConstruct
    void index() {
        for (Probe<?> probe : discovered) {
            Probe<?> clash = byType.put(probe.type(), probe);
            if (clash != null) {
                throw new IllegalStateException("two probe types named \"" + probe.type() + "\": "
                        + clash.getClass().getName() + " and " + probe.getClass().getName());
            }
        }
    }

    @Override
    public Set<String> names() {
        return byType.keySet();
    }

    @Override
    public Set<String> sampleLabels(String type) {
        Probe<?> probe = byType.get(type);
        return probe == null ? Set.of() : probe.sampleLabels();
    }

    @Override
    public Class<?> specType(String type) {
        Probe<?> probe = byType.get(type);
        return probe == null ? null : probe.specType();
    }

    /** The probe of a type the config parser has already accepted. */
    public Probe<?> probe(String type) {
        Probe<?> probe = byType.get(type);
        if (probe == null) {
            throw new IllegalArgumentException("unknown probe type " + type);
        }
        return probe;
    }

    /** Help text of every metric family any probe type produces. */
    public Map<String, String> metricHelp() {
        Map<String, String> help = new TreeMap<>();
        byType.values().forEach(probe -> help.putAll(probe.metrics()));
        return help;
    }
}
