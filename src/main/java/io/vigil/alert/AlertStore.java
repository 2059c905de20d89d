package io.vigil.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.sample.Labels;
import io.vigil.storage.Hashes;

/**
 * Alert instances in the database, per rule. A rule's instances are written after an evaluation
 * that changed them and read back at start-up, so pending and firing alerts survive a restart.
 */
@ApplicationScoped
public class AlertStore {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    @Inject
    Session session;

    @Inject
    ObjectMapper json;

    /** Replaces what is stored for {@code ruleKey} with {@code alerts}. */
    @Transactional
    public void replace(String ruleKey, List<Alert> alerts) {
        session.createMutationQuery("delete from AlertInstanceRow where ruleKey = :key").setParameter("key", ruleKey)
                .executeUpdate();
        for (Alert alert : alerts) {
            session.persist(row(ruleKey, alert));
        }
    }

    /** Every stored instance, by rule key. */
    @Transactional
    public Map<String, List<Alert>> loadAll() {
        Map<String, List<Alert>> byRule = new LinkedHashMap<>();
        for (AlertInstanceRow row : session.createSelectionQuery("from AlertInstanceRow", AlertInstanceRow.class)
                .getResultList()) {
            byRule.computeIfAbsent(row.ruleKey, k -> new ArrayList<>()).add(alert(row));
        }
        return byRule;
    }

    /** Forgets the instances of rules that no longer exist. */
    @Transactional
    public void retainRules(Set<String> ruleKeys) {
        session.createSelectionQuery("from AlertInstanceRow", AlertInstanceRow.class).getResultList().stream()
                .filter(row -> !ruleKeys.contains(row.ruleKey))
                .forEach(session::remove);
    }

    private AlertInstanceRow row(String ruleKey, Alert alert) {
        AlertInstanceRow row = new AlertInstanceRow();
        row.ruleKey = ruleKey;
        row.fingerprint = fingerprint(alert.labels());
        row.labels = write(alert.labels().toMap());
        row.annotations = write(alert.annotations());
        row.state = alert.state().name();
        row.value = alert.value();
        row.activeAt = alert.activeAt();
        row.firedAt = alert.firedAt();
        row.resolvedAt = alert.resolvedAt();
        return row;
    }

    private Alert alert(AlertInstanceRow row) {
        return Alert.restored(Labels.of(read(row.labels)), read(row.annotations), AlertState.valueOf(row.state),
                row.value, row.activeAt, row.firedAt, row.resolvedAt);
    }

    private String write(Map<String, String> map) {
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string map always serializes", e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored alert labels are not a JSON object", e);
        }
    }

    static String fingerprint(Labels labels) {
        return Hashes.sha256Hex(labels.toString());
    }
}
