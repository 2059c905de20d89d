package io.vigil.probe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Keeps each probe's last outcome in the database, written behind: results collect in memory and
 * one transaction stores the newest per probe, so a thousand probe runs a second cost a handful of
 * writes rather than a thousand.
 */
@ApplicationScoped
public class ProbeResultStore {

    @Inject
    Session session;

    private final Map<String, ProbeLastResult> pending = new ConcurrentHashMap<>();

    void remember(ProbeState state, ProbeResult result) {
        pending.put(state.name(), ProbeLastResult.of(state.name(), state.definition().type(), result));
    }

    /** Stores what has been remembered since the last flush; returns how many rows were written. */
    @Transactional
    public int flush() {
        List<String> names = List.copyOf(pending.keySet());
        int written = 0;
        for (String name : names) {
            ProbeLastResult row = pending.remove(name);
            if (row != null) {
                session.merge(row);
                written++;
            }
        }
        return written;
    }

    @Transactional
    public Map<String, ProbeLastResult> loadAll() {
        Map<String, ProbeLastResult> byName = new HashMap<>();
        session.createSelectionQuery("from ProbeLastResult", ProbeLastResult.class).getResultList()
                .forEach(row -> byName.put(row.probeName, row));
        return byName;
    }

    /** Forgets the outcomes of probes no longer configured. */
    @Transactional
    public void retainOnly(Set<String> probeNames) {
        pending.keySet().retainAll(probeNames);
        session.createSelectionQuery("from ProbeLastResult", ProbeLastResult.class).getResultList().stream()
                .filter(row -> !probeNames.contains(row.probeName))
                .forEach(session::remove);
    }
}
